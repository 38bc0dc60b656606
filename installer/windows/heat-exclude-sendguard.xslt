<?xml version="1.0" encoding="utf-8"?>
<!-- SPDX-License-Identifier: GPL-3.0-or-later
  heat transform (heat dir ... -t heat-exclude-sendguard.xslt): drops bin\sendguard.exe from the
  harvested runtime, since SendGuard.wxs installs it itself (with its Start menu shortcut). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:wix="http://schemas.microsoft.com/wix/2006/wi">
  <xsl:output method="xml" indent="yes"/>
  <xsl:key name="sendguard-exe" use="@Id"
           match="wix:Component[wix:File[translate(substring(@Source, string-length(@Source) - 13),
                  'SENDGUARDEX', 'sendguardex') = '\sendguard.exe']]"/>
  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>
  <xsl:template match="wix:Component[key('sendguard-exe', @Id)]"/>
  <xsl:template match="wix:ComponentRef[key('sendguard-exe', @Id)]"/>
</xsl:stylesheet>
