# What building the core library (app/core) needs: the language level and the libraries it
# links. Included by the top-level project and by the standalone fuzz/ and bench/ projects.
# SENDGUARD_QT_COMPONENTS may name Qt components beyond those the core needs.
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_AUTOMOC ON)

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Network Sql ${SENDGUARD_QT_COMPONENTS})
find_package(Qt6Keychain REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GMIME REQUIRED IMPORTED_TARGET gmime-3.0)
add_compile_definitions(QT_NO_CAST_FROM_ASCII QT_NO_FOREACH)

# The encryption plugins (plugin/) are built into this one folder, where EncryptionPlugins finds
# them when a program runs from the build tree.
set(SENDGUARD_PLUGIN_BUILD_DIR ${CMAKE_BINARY_DIR}/plugins)
