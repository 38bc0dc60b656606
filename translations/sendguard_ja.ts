<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CommandLine</name>
    <message>
        <source>SendGuard command-line tools</source>
        <translation>SendGuard コマンドラインツール</translation>
    </message>
    <message>
        <source>The data folder of the instance.</source>
        <translation>対象とする SendGuard のデータフォルダー。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>The configuration file.</source>
        <translation>設定ファイル。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON 形式で出力します。</translation>
    </message>
    <message>
        <source>queue | credentials | check-config</source>
        <translation>queue | credentials | check-config</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>&quot;%1&quot; は不明なコマンドです</translation>
    </message>
    <message>
        <source>usage: sendguard queue list [--json] | release ID | recall ID [--data-dir DIR]</source>
        <translation>使い方: sendguard queue list [--json] | release ID | recall ID [--data-dir DIR]</translation>
    </message>
    <message>
        <source>SendGuard is not running for the data folder %1</source>
        <translation>データフォルダー %1 の SendGuard は起動していません</translation>
    </message>
    <message>
        <source>cannot talk to SendGuard: %1</source>
        <translation>SendGuard と通信できません: %1</translation>
    </message>
    <message>
        <source>released %1</source>
        <translation>%1 の送信を開始しました</translation>
    </message>
    <message>
        <source>recalled %1</source>
        <translation>%1 の送信を取り消しました</translation>
    </message>
    <message>
        <source>The queue is empty.</source>
        <translation>キューにメールはありません。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>RELEASE / NEXT TRY</source>
        <translation>送信予定</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>宛先:</translation>
    </message>
    <message>
        <source>last error:</source>
        <translation>直近のエラー:</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>標準入力からパスワードが渡されていません</translation>
    </message>
    <message>
        <source>The local SMTP password is stored in the keychain. Restart SendGuard to use it.</source>
        <translation>ローカル SMTP のパスワードをキーチェーンに保存しました。有効にするには SendGuard を再起動してください。</translation>
    </message>
    <message>
        <source>The upstream password is stored in the keychain. Restart SendGuard to use it.</source>
        <translation>送信サーバーのパスワードをキーチェーンに保存しました。有効にするには SendGuard を再起動してください。</translation>
    </message>
    <message>
        <source>no local password yet: start SendGuard once, or set one with &quot;sendguard credentials set local&quot;</source>
        <translation>ローカル SMTP のパスワードはまだ設定されていません。SendGuard を一度起動するか、&quot;sendguard credentials set local&quot; で設定してください</translation>
    </message>
    <message>
        <source>usage: sendguard credentials set local|upstream  (password on standard input)
       sendguard credentials show local</source>
        <translation>使い方: sendguard credentials set local|upstream  （パスワードは標準入力から渡します）
        sendguard credentials show local</translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation>%1: 問題ありません</translation>
    </message>
</context>
<context>
    <name>ConfigLoader</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>真偽値</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>配列</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>未定義の値</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>文字列を指定してください（%1が指定されています）</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>true または false を指定してください（%1が指定されています）</translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation>整数を指定してください（%1が指定されています）</translation>
    </message>
    <message>
        <source>must be between %1 and %2, found %3</source>
        <translation>%1 から %2 までの値を指定してください（%3が指定されています）</translation>
    </message>
    <message>
        <source>expected one of %1, found %2</source>
        <translation>%1 のいずれかを指定してください（%2が指定されています）</translation>
    </message>
    <message>
        <source>expected one of %1, found &quot;%2&quot;</source>
        <translation>%1 のいずれかを指定してください（&quot;%2&quot;が指定されています）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name</source>
        <translation>&quot;%1&quot; はドメイン名ではありません</translation>
    </message>
    <message>
        <source>expected an array of domain names, found %1</source>
        <translation>ドメイン名の配列を指定してください（%1が指定されています）</translation>
    </message>
    <message>
        <source>expected an array of domain names, found %1 in it</source>
        <translation>ドメイン名の配列を指定してください（配列に%1が含まれています）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>&quot;%1&quot; は IP アドレスではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a loopback address; SendGuard only listens on this computer</source>
        <translation>&quot;%1&quot; はループバックアドレスではありません。SendGuard はこのコンピューター内からの接続のみを受け付けます</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name</source>
        <translation>&quot;%1&quot; はホスト名ではありません</translation>
    </message>
    <message>
        <source>file &quot;%1&quot; does not exist</source>
        <translation>ファイル &quot;%1&quot; が見つかりません</translation>
    </message>
    <message>
        <source>not valid JSON at line %1, column %2: %3</source>
        <translation>JSON の書式に誤りがあります（%1 行目、%2 列目）: %3</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>最上位は JSON オブジェクトである必要があります</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>オブジェクトを指定してください（%1が指定されています）</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>不明なキーです</translation>
    </message>
    <message>
        <source>must not be smaller than relay.retry_initial_seconds</source>
        <translation>relay.retry_initial_seconds より小さい値は指定できません</translation>
    </message>
    <message>
        <source>refusing to send a password without TLS; set upstream.security to &quot;starttls&quot; or &quot;tls&quot;</source>
        <translation>TLS を使わずにパスワードを送信することはできません。upstream.security を &quot;starttls&quot; または &quot;tls&quot; に設定してください</translation>
    </message>
    <message>
        <source>file does not exist</source>
        <translation>ファイルが見つかりません</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>読み込めません: %1</translation>
    </message>
    <message>
        <source>is larger than 1 MB; this is not a SendGuard configuration</source>
        <translation>1 MB を超えています。SendGuard の設定ファイルではありません</translation>
    </message>
    <message>
        <source>expected an array of rules, found %1</source>
        <translation>規則の配列を指定してください（%1 が指定されています）</translation>
    </message>
    <message>
        <source>rule %1: expected an object with &quot;pattern&quot;, &quot;where&quot; and &quot;action&quot;</source>
        <translation>規則 %1: &quot;pattern&quot;、&quot;where&quot;、&quot;action&quot; を持つオブジェクトを指定してください</translation>
    </message>
    <message>
        <source>rule %1: unknown key &quot;%2&quot;</source>
        <translation>規則 %1: 不明なキー &quot;%2&quot; があります</translation>
    </message>
    <message>
        <source>rule %1: &quot;pattern&quot; must be a non-empty string</source>
        <translation>規則 %1: &quot;pattern&quot; には空でない文字列を指定してください</translation>
    </message>
    <message>
        <source>rule %1: the pattern is not a valid regular expression: %2</source>
        <translation>規則 %1: パターンが正規表現として正しくありません: %2</translation>
    </message>
    <message>
        <source>rule %1: &quot;where&quot; must be &quot;subject&quot;, &quot;body&quot; or &quot;attachment-name&quot;</source>
        <translation>規則 %1: &quot;where&quot; には &quot;subject&quot;、&quot;body&quot;、&quot;attachment-name&quot; のいずれかを指定してください</translation>
    </message>
    <message>
        <source>rule %1: &quot;action&quot; must be &quot;warn&quot; or &quot;block&quot;</source>
        <translation>規則 %1: &quot;action&quot; には &quot;warn&quot; または &quot;block&quot; を指定してください</translation>
    </message>
    <message>
        <source>unknown section (expected listen, upstream, relay, policy or ui)</source>
        <translation>不明なセクションです（listen、upstream、relay、policy、ui のいずれかを指定してください）</translation>
    </message>
</context>
<context>
    <name>ControlClient</name>
    <message>
        <source>no answer from SendGuard: %1</source>
        <translation>SendGuard から応答がありません: %1</translation>
    </message>
    <message>
        <source>answer too large</source>
        <translation>SendGuard からの応答が大きすぎます</translation>
    </message>
    <message>
        <source>unreadable answer from SendGuard</source>
        <translation>SendGuard からの応答を読み取れません</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>the keychain did not answer within %1 seconds</source>
        <translation>キーチェーンが %1 秒以内に応答しませんでした</translation>
    </message>
    <message>
        <source>cannot read from the keychain: %1</source>
        <translation>キーチェーンから読み込めません: %1</translation>
    </message>
    <message>
        <source>cannot write to the keychain: %1</source>
        <translation>キーチェーンに書き込めません: %1</translation>
    </message>
</context>
<context>
    <name>DurableFile</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 を開けません: %2</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk: %2</source>
        <translation>%1 をディスクに書き込めません（同期に失敗しました）: %2</translation>
    </message>
    <message>
        <source>syncfs is not available</source>
        <translation>syncfs を利用できません</translation>
    </message>
    <message>
        <source>cannot sync to disk: %1</source>
        <translation>ディスクへの書き込みを完了できません（同期に失敗しました）: %1</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2: %3</source>
        <translation>%1 の名前を %2 に変更できません: %3</translation>
    </message>
    <message>
        <source>cannot open %1 (error %2)</source>
        <translation>%1 を開けません（エラー %2）</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk (error %2)</source>
        <translation>%1 をディスクに書き込めません（同期に失敗しました。エラー %2）</translation>
    </message>
    <message>
        <source>cannot sync to disk</source>
        <translation>ディスクへの書き込みを完了できません（同期に失敗しました）</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2 (error %3)</source>
        <translation>%1 の名前を %2 に変更できません（エラー %3）</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 を作成できません: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>EncryptionPlugins</name>
    <message>
        <source>%1: not a Qt plugin (%2)</source>
        <translation>%1: Qt プラグインではありません（%2）</translation>
    </message>
    <message>
        <source>%1: a plugin for %2, not for %3</source>
        <translation>%1: %3 用ではなく %2 用のプラグインです</translation>
    </message>
    <message>
        <source>%1: cannot be loaded: %2</source>
        <translation>%1: 読み込めません: %2</translation>
    </message>
    <message>
        <source>no folder</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>no encryption plugin &quot;%1&quot; was found (searched: %2)</source>
        <translation>暗号化プラグイン &quot;%1&quot; が見つかりません（検索したフォルダー: %2）</translation>
    </message>
</context>
<context>
    <name>OutboundReader</name>
    <message>
        <source>cannot read the spooled message %1: %2</source>
        <translation>スプール内のメール %1 を読み込めません: %2</translation>
    </message>
</context>
<context>
    <name>RecipientHistory</name>
    <message>
        <source>cannot open the recipient history %1: %2</source>
        <translation>宛先履歴 %1 を開けません: %2</translation>
    </message>
    <message>
        <source>cannot prepare the recipient history %1: %2</source>
        <translation>宛先履歴 %1 の読み込みを準備できません: %2</translation>
    </message>
    <message>
        <source>cannot read the recipient history %1: %2</source>
        <translation>宛先履歴 %1 を読み込めません: %2</translation>
    </message>
</context>
<context>
    <name>TlsIdentity</name>
    <message>
        <source>OpenSSL could not create a key</source>
        <translation>OpenSSL で鍵を作成できませんでした</translation>
    </message>
    <message>
        <source>OpenSSL could not create a random serial number</source>
        <translation>OpenSSL でシリアル番号を生成できませんでした</translation>
    </message>
    <message>
        <source>OpenSSL could not sign the certificate</source>
        <translation>OpenSSL で証明書に署名できませんでした</translation>
    </message>
    <message>
        <source>OpenSSL could not encode the certificate</source>
        <translation>OpenSSL で証明書を書き出せませんでした</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
    <message>
        <source>cannot read the local TLS certificate in %1</source>
        <translation>%1 にあるローカル TLS 証明書を読み込めません</translation>
    </message>
    <message>
        <source>the local TLS certificate in %1 is damaged; delete the folder to make a new one</source>
        <translation>%1 にあるローカル TLS 証明書が壊れています。フォルダーを削除すると新しく作成されます</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>SendGuard checks, holds and protects the mail you send.
Sub-commands: queue list [--json] | queue release ID | queue recall ID | credentials set local|upstream | credentials show local | check-config</source>
        <translation>SendGuard は送信するメールを確認・保留し、誤送信を防ぎます。
サブコマンド: queue list [--json] | queue release ID | queue recall ID | credentials set local|upstream | credentials show local | check-config</translation>
    </message>
    <message>
        <source>Read the configuration from FILE.</source>
        <translation>設定を FILE から読み込みます。</translation>
    </message>
    <message>
        <source>Keep the queue, audit log and keys in DIR.</source>
        <translation>送信キュー、監査ログ、鍵を DIR に保存します。</translation>
    </message>
    <message>
        <source>Run without a window or tray icon.</source>
        <translation>ウィンドウやトレイアイコンを表示せずに実行します。</translation>
    </message>
    <message>
        <source>Approve every confirmation automatically (recorded in the audit log).</source>
        <translation>すべての送信確認を自動的に承認します（監査ログに記録されます）。</translation>
    </message>
    <message>
        <source>Deliver into DATA/demo-outbox/ instead of the upstream server.</source>
        <translation>送信サーバーの代わりに DATA/demo-outbox/ にメールを書き出します。</translation>
    </message>
    <message>
        <source>User interface language (ja or en).</source>
        <translation>表示言語（ja または en）。</translation>
    </message>
    <message>
        <source>SendGuard did not start because the configuration is invalid.</source>
        <translation>設定ファイルに誤りがあるため、SendGuard を起動しませんでした。</translation>
    </message>
    <message>
        <source>SendGuard could not start: %1</source>
        <translation>SendGuard を起動できませんでした: %1</translation>
    </message>
    <message>
        <source>SendGuard: relaying to %1</source>
        <translation>SendGuard: 中継先は %1 です</translation>
    </message>
    <message>
        <source>SendGuard: --auto-confirm is on: messages are approved without asking</source>
        <translation>SendGuard: --auto-confirm が有効です。メールは確認なしで承認されます</translation>
    </message>
    <message>
        <source>Try &quot;sendguard --help&quot;.</source>
        <translation>使い方は &quot;sendguard --help&quot; で確認できます。</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; try &quot;sendguard --help&quot;</source>
        <translation>&quot;%1&quot; は不明なコマンドです。使い方は &quot;sendguard --help&quot; で確認できます</translation>
    </message>
    <message>
        <source>SendGuard is already running; its window was opened.</source>
        <translation>SendGuard はすでに起動しています。ウィンドウを開きました。</translation>
    </message>
</context>
<context>
    <name>sendguard::AuditLog</name>
    <message>
        <source>cannot open the audit log %1: %2</source>
        <translation>監査ログ %1 を開けません: %2</translation>
    </message>
</context>
<context>
    <name>sendguard::ConfirmDialog</name>
    <message>
        <source>SendGuard — confirm sending</source>
        <translation>SendGuard — 送信確認</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>差出人:</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（件名なし）</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>件名:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>サイズ:</translation>
    </message>
    <message numerus="yes">
        <source>Recipients (%n):</source>
        <translation>
            <numerusform>宛先（%n 件）:</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>送信(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Many recipients can see each other&apos;s addresses.</source>
        <translation>多数の宛先どうしでメールアドレスが見えてしまいます。</translation>
    </message>
    <message numerus="yes">
        <source>Many recipients: %n external address(es) will be moved to Bcc.</source>
        <translation>
            <numerusform>宛先が多いため、社外の %n 件のアドレスを Bcc に移します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Recipients from %1 different outside companies will see each other&apos;s addresses (%2).</source>
        <translation>社外の %1 つの組織の宛先どうしで、互いのアドレスが見えてしまいます（%2）。</translation>
    </message>
    <message>
        <source>%1 looks like %2 but is a different domain.</source>
        <translation>%1 は %2 に似ていますが、別のドメインです。</translation>
    </message>
    <message>
        <source>You have never sent mail to some of these recipients before.</source>
        <translation>これまで送信したことのない宛先が含まれています。</translation>
    </message>
    <message>
        <source>The %1 matches the rule &quot;%2&quot;.</source>
        <translation>%1が規則「%2」に一致しています。</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>text</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>name of an attachment</source>
        <translation>添付ファイル名</translation>
    </message>
    <message>
        <source>The From address differs from the sending account.</source>
        <translation>差出人アドレスが送信アカウントと異なります。</translation>
    </message>
    <message>
        <source>To/Cc → Bcc</source>
        <translation>To/Cc → Bcc</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <source>Check the recipients and attachments before this message leaves your computer.</source>
        <translation>このメールを送信する前に、宛先と添付ファイルに誤りがないかご確認ください。</translation>
    </message>
    <message>
        <source>Please check:</source>
        <translation>次の点をご確認ください:</translation>
    </message>
    <message>
        <source>looks like %1 — check the spelling</source>
        <translation>%1 に類似 — スペルをご確認ください</translation>
    </message>
    <message>
        <source>first time</source>
        <translation>初めての宛先</translation>
    </message>
    <message>
        <source>blocked domain</source>
        <translation>送信禁止ドメイン</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>信頼済み</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message numerus="yes">
        <source>External — %1 (%n)</source>
        <translation>
            <numerusform>社外 — %1（%n 件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Internal (%n)</source>
        <translation>
            <numerusform>社内（%n 件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) will be moved from To/Cc to Bcc, so that the recipients do not see each other&apos;s addresses. Everyone still receives the message.</source>
        <translation>
            <numerusform>宛先どうしでアドレスが見えないように、%n 件のアドレスを To/Cc から Bcc に移します。メールは全員に届きます。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep all addresses visible this time (everyone sees everyone)</source>
        <translation>今回はすべてのアドレスを表示したまま送信する（全員が互いのアドレスを見られます）(&amp;K)</translation>
    </message>
    <message numerus="yes">
        <source>Attachments (%n):</source>
        <translation>
            <numerusform>添付ファイル（%n 件）:</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>already encrypted (%1)</source>
        <translation>暗号化済み（%1）</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>暗号化なし</translation>
    </message>
    <message>
        <source>&amp;Tick all</source>
        <translation>すべてチェック(&amp;T)</translation>
    </message>
    <message>
        <source>Everything is ticked. Send when you are sure.</source>
        <translation>すべてにチェックが入りました。内容に問題がなければ送信してください。</translation>
    </message>
    <message numerus="yes">
        <source>Tick each external recipient and each attachment to confirm it (%n left).</source>
        <translation>
            <numerusform>社外の宛先と添付ファイルを 1 件ずつ確認し、チェックを入れてください（残り %n 件）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your mail program could not wait any longer and was told that the message was accepted. It waits in SendGuard and is not sent until you click Send. Cancel keeps it in the queue as recalled, where you can save it.</source>
        <translation>メールソフトの待ち時間が上限に達したため、メールソフトには「受け付けた」と応答しました。このメールは SendGuard で確認待ちになっており、［送信］をクリックするまで送信されません。［キャンセル］をクリックすると、送信を取り消した状態で送信キューに残り、そこから保存できます。</translation>
    </message>
    <message>
        <source>Your mail program could not wait any longer and was told to try again later: the message was not sent and is still in your mail program. Close this window and send it again when you are ready.</source>
        <translation>メールソフトの待ち時間が上限に達したため、メールソフトには「後でもう一度送信する」よう応答しました。このメールは送信されておらず、メールソフトに残っています。このウィンドウを閉じ、準備ができたらもう一度送信してください。</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>sendguard::ControlServer</name>
    <message>
        <source>cannot open the control socket %1: %2</source>
        <translation>制御用ソケット %1 を開けません: %2</translation>
    </message>
</context>
<context>
    <name>sendguard::DemoOutbox</name>
    <message>
        <source>demo upstream (messages are written to %1)</source>
        <translation>デモ用送信サーバー（メールは %1 に書き出されます）</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 を作成できません</translation>
    </message>
</context>
<context>
    <name>sendguard::DialogGate</name>
    <message>
        <source>Message not sent</source>
        <translation>メールは送信されませんでした</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not confirmed in time. Your mail program still has it; send it again when you are ready.</source>
        <translation>「%1」は時間内に送信確認されませんでした。メールはメールソフトに残っています。準備ができたらもう一度送信してください。</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（件名なし）</translation>
    </message>
</context>
<context>
    <name>sendguard::Guard</name>
    <message>
        <source>cannot create the data folder %1</source>
        <translation>データフォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>SendGuard is already running for the data folder %1 (process %2)</source>
        <translation>データフォルダー %1 の SendGuard はすでに起動しています（プロセス %2）</translation>
    </message>
    <message>
        <source>listen.auth is &quot;required&quot; but the keychain cannot be used (%1). Log in to a desktop session with a keyring, or set listen.auth to &quot;none&quot; on a single-user machine.</source>
        <translation>listen.auth が &quot;required&quot; ですが、キーチェーンを利用できません（%1）。キーリングのあるデスクトップ環境にログインするか、ひとりで使うコンピューターであれば listen.auth を &quot;none&quot; に設定してください。</translation>
    </message>
    <message>
        <source>upstream.ca_file: %1 holds no certificate (PEM or DER)</source>
        <translation>upstream.ca_file: %1 に証明書（PEM または DER）が含まれていません</translation>
    </message>
    <message>
        <source>unknown request &quot;%1&quot;</source>
        <translation>&quot;%1&quot; は不明な要求です</translation>
    </message>
</context>
<context>
    <name>sendguard::MessageQueue</name>
    <message>
        <source>gave up after %1 attempts: %2</source>
        <translation>%1 回試行しても送信できなかったため、再送を中止しました: %2</translation>
    </message>
    <message>
        <source>no message %1 in the queue</source>
        <translation>メール %1 はキューにありません</translation>
    </message>
    <message>
        <source>message %1 is being relayed right now</source>
        <translation>メール %1 は現在送信中です</translation>
    </message>
    <message>
        <source>message %1 has already been sent</source>
        <translation>メール %1 は送信済みです</translation>
    </message>
    <message>
        <source>no message %1 in the queue (it may have been sent already)</source>
        <translation>メール %1 はキューにありません（すでに送信された可能性があります）</translation>
    </message>
    <message>
        <source>message %1 is being relayed right now and can no longer be recalled</source>
        <translation>メール %1 は現在送信中のため、取り消しできません</translation>
    </message>
    <message>
        <source>message %1 is no longer waiting for confirmation</source>
        <translation>メール %1 はすでに確認待ちではありません</translation>
    </message>
</context>
<context>
    <name>sendguard::OpenPgpBackend</name>
    <message>
        <source>GPGME could not create an OpenPGP context</source>
        <translation>GPGME で OpenPGP のコンテキストを作成できませんでした</translation>
    </message>
    <message>
        <source>GPGME could not create an OpenPGP context: %1</source>
        <translation>GPGME で OpenPGP のコンテキストを作成できませんでした: %1</translation>
    </message>
    <message>
        <source>GPGME cannot use the GnuPG home folder %1: %2</source>
        <translation>GPGME で GnuPG のホームフォルダー %1 を使用できません: %2</translation>
    </message>
    <message>
        <source>GnuPG (gpg) cannot be used: %1</source>
        <translation>GnuPG（gpg）を使用できません: %1</translation>
    </message>
    <message>
        <source>the GnuPG home folder %1 does not exist</source>
        <translation>GnuPG のホームフォルダー %1 が見つかりません</translation>
    </message>
    <message>
        <source>the GnuPG home %1 is not a folder</source>
        <translation>GnuPG のホーム %1 はフォルダーではありません</translation>
    </message>
    <message>
        <source>the default GnuPG home</source>
        <translation>既定の GnuPG ホームフォルダー</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 を実行できません: %2</translation>
    </message>
    <message>
        <source>GnuPG did not finish listing the keyring in %1 within %2 seconds</source>
        <translation>GnuPG が %1 のキーリングの一覧取得を %2 秒以内に完了しませんでした</translation>
    </message>
    <message>
        <source>GnuPG cannot read the keyring in %1: %2</source>
        <translation>GnuPG が %1 のキーリングを読み込めません: %2</translation>
    </message>
    <message>
        <source>the OpenPGP back end is not configured</source>
        <translation>OpenPGP バックエンドが設定されていません</translation>
    </message>
    <message>
        <source>GnuPG could not list the keys: %1</source>
        <translation>GnuPG で鍵の一覧を取得できませんでした: %1</translation>
    </message>
    <message>
        <source>the key was revoked</source>
        <translation>鍵が失効しています</translation>
    </message>
    <message>
        <source>the key expired on %1</source>
        <translation>鍵の有効期限が %1 に切れています</translation>
    </message>
    <message>
        <source>the key is disabled</source>
        <translation>鍵が使用不可に設定されています</translation>
    </message>
    <message>
        <source>the key is invalid</source>
        <translation>鍵が無効です</translation>
    </message>
    <message>
        <source>the user ID %1 was revoked</source>
        <translation>ユーザー ID %1 が失効しています</translation>
    </message>
    <message>
        <source>the user ID %1 is invalid</source>
        <translation>ユーザー ID %1 が無効です</translation>
    </message>
    <message>
        <source>the keyring marks the user ID %1 as not valid</source>
        <translation>キーリングでユーザー ID %1 が有効でないと判定されています</translation>
    </message>
    <message>
        <source>the key has no encryption subkey</source>
        <translation>鍵に暗号化用の副鍵がありません</translation>
    </message>
    <message>
        <source>its encryption subkey was revoked</source>
        <translation>暗号化用の副鍵が失効しています</translation>
    </message>
    <message>
        <source>its encryption subkey expired on %1</source>
        <translation>暗号化用の副鍵の有効期限が %1 に切れています</translation>
    </message>
    <message>
        <source>its encryption subkey is not usable</source>
        <translation>暗号化用の副鍵を使用できません</translation>
    </message>
    <message>
        <source>no OpenPGP key for this address in the keyring</source>
        <translation>キーリングにこのアドレスの OpenPGP 鍵がありません</translation>
    </message>
    <message>
        <source>%1 (none of its %2 keys is usable)</source>
        <translation>%1（該当する %2 件の鍵はいずれも使用できません）</translation>
    </message>
    <message>
        <source>does not expire</source>
        <translation>無期限</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>有効期限 %1</translation>
    </message>
    <message>
        <source>%1, key %2, %3</source>
        <translation>%1、鍵 %2、%3</translation>
    </message>
    <message>
        <source>no recipients to encrypt to</source>
        <translation>暗号化の宛先がありません</translation>
    </message>
    <message>
        <source>no usable OpenPGP key for %1</source>
        <translation>次の宛先に使用できる OpenPGP 鍵がありません: %1</translation>
    </message>
    <message>
        <source>cannot read the message: %1</source>
        <translation>メールを読み込めません: %1</translation>
    </message>
    <message>
        <source>cannot write the encrypted output: %1</source>
        <translation>暗号化したデータを書き出せません: %1</translation>
    </message>
    <message>
        <source>GnuPG could not encrypt: %1</source>
        <translation>GnuPG で暗号化できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>sendguard::QueueWindow</name>
    <message>
        <source>SendGuard — queue</source>
        <translation>SendGuard — 送信キュー</translation>
    </message>
    <message>
        <source>SendGuard — send now</source>
        <translation>SendGuard — 今すぐ送信</translation>
    </message>
    <message>
        <source>This message has not been confirmed yet. Send it now?</source>
        <translation>このメールはまだ送信確認されていません。今すぐ送信しますか？</translation>
    </message>
    <message>
        <source>Save message as</source>
        <translation>名前を付けてメールを保存</translation>
    </message>
    <message>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>メール (*.eml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>送信予定</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受付日時</translation>
    </message>
    <message>
        <source>Messages in the queue</source>
        <translation>送信キュー内のメール</translation>
    </message>
    <message>
        <source>No messages are waiting.</source>
        <translation>送信待ちのメールはありません。</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>今すぐ送信(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Recall</source>
        <translation>送信取り消し(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>詳細(&amp;D)</translation>
    </message>
    <message>
        <source>Save as .&amp;eml</source>
        <translation>.eml 形式で保存(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>確認待ち</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>再送待ち</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>送信失敗</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>送信取り消し済み</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>(no recipients)</source>
        <translation>（宛先なし）</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n more</source>
        <translation>
            <numerusform>%1、%2 ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>まもなく</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>あと %1</translation>
    </message>
    <message>
        <source>message</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>受付日時: %1</translation>
    </message>
    <message>
        <source>Release: %1</source>
        <translation>送信予定日時: %1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>次回の再送: %1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>送信試行回数: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>直近のエラー: %1</translation>
    </message>
    <message>
        <source>Envelope sender: %1</source>
        <translation>エンベロープ差出人: %1</translation>
    </message>
    <message>
        <source>(none: &lt;&gt;)</source>
        <translation>（なし: &lt;&gt;）</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>差出人: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>件名: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（件名なし）</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>サイズ: %1</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>送信確認: %1</translation>
    </message>
    <message>
        <source>by the user</source>
        <translation>ユーザーが承認</translation>
    </message>
    <message>
        <source>automatically</source>
        <translation>自動承認</translation>
    </message>
    <message numerus="yes">
        <source>Recipients (%n):</source>
        <translation>
            <numerusform>宛先（%n 件）:</numerusform>
        </translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>サーバーが拒否</translation>
    </message>
    <message>
        <source>not yet sent</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>  %1 — %2</source>
        <translation>  %1 — %2</translation>
    </message>
    <message>
        <source>(server: %1)</source>
        <translation>（サーバーの応答: %1）</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告:</translation>
    </message>
    <message>
        <source>many recipients</source>
        <translation>宛先が多数</translation>
    </message>
    <message>
        <source>recipients from many outside companies</source>
        <translation>多数の社外組織の宛先</translation>
    </message>
    <message>
        <source>a domain that looks like a trusted one</source>
        <translation>信頼済みドメインの類似ドメイン</translation>
    </message>
    <message>
        <source>a recipient you have never written to</source>
        <translation>初めての宛先</translation>
    </message>
    <message>
        <source>matches a keyword rule</source>
        <translation>キーワード規則に一致</translation>
    </message>
    <message>
        <source>the From address differs from the sending account</source>
        <translation>差出人アドレスが送信アカウントと異なる</translation>
    </message>
    <message>
        <source>a blocked domain</source>
        <translation>送信禁止ドメイン</translation>
    </message>
    <message numerus="yes">
        <source>Attachments (%n):</source>
        <translation>
            <numerusform>添付ファイル（%n 件）:</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 (%2)</source>
        <translation>  %1（%2）</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <source>[encrypted: %1]</source>
        <translation>[暗号化済み: %1]</translation>
    </message>
    <message>
        <source>next try %1</source>
        <translation>再送: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is being sent now.</source>
        <translation>「%1」を送信しています。</translation>
    </message>
    <message>
        <source>Could not send &quot;%1&quot;: %2</source>
        <translation>「%1」を送信できませんでした: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was recalled and will not be sent.</source>
        <translation>「%1」の送信を取り消しました。このメールは送信されません。</translation>
    </message>
    <message>
        <source>Could not recall &quot;%1&quot;: %2</source>
        <translation>「%1」の送信を取り消せませんでした: %2</translation>
    </message>
    <message>
        <source>SendGuard — message details</source>
        <translation>SendGuard — メールの詳細</translation>
    </message>
    <message>
        <source>The message file is no longer in the spool.</source>
        <translation>メールのファイルがスプールに見つかりません。</translation>
    </message>
    <message>
        <source>Saved a copy to %1.</source>
        <translation>%1 にコピーを保存しました。</translation>
    </message>
    <message>
        <source>Could not save the message to %1: %2</source>
        <translation>メールを %1 に保存できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>sendguard::SmimeBackend</name>
    <message>
        <source>unknown OpenSSL error</source>
        <translation>不明な OpenSSL のエラー</translation>
    </message>
    <message>
        <source>the certificate has malformed extensions</source>
        <translation>証明書の拡張領域の形式が正しくありません</translation>
    </message>
    <message>
        <source>the certificate&apos;s public key cannot be read</source>
        <translation>証明書の公開鍵を読み取れません</translation>
    </message>
    <message>
        <source>its key usage does not allow encryption (keyEncipherment is missing)</source>
        <translation>鍵用途（Key Usage）で暗号化が許可されていません（keyEncipherment がありません）</translation>
    </message>
    <message>
        <source>its RSA key is too short (%1 bits, at least %2 needed)</source>
        <translation>RSA 鍵が短すぎます（%1 ビット。%2 ビット以上が必要です）</translation>
    </message>
    <message>
        <source>its key usage does not allow encryption (keyAgreement is missing)</source>
        <translation>鍵用途（Key Usage）で暗号化が許可されていません（keyAgreement がありません）</translation>
    </message>
    <message>
        <source>its key type (%1) cannot be used for S/MIME encryption</source>
        <translation>鍵の種類（%1）は S/MIME の暗号化に使用できません</translation>
    </message>
    <message>
        <source>its extended key usage does not include e-mail protection</source>
        <translation>拡張鍵用途（Extended Key Usage）に電子メールの保護（emailProtection）が含まれていません</translation>
    </message>
    <message>
        <source>its validity dates cannot be read</source>
        <translation>有効期間を読み取れません</translation>
    </message>
    <message>
        <source>not valid before %1</source>
        <translation>有効期間がまだ始まっていません（%1 から有効）</translation>
    </message>
    <message>
        <source>expired on %1</source>
        <translation>有効期限が %1 に切れています</translation>
    </message>
    <message>
        <source>%1 (none of its %2 certificates is usable)</source>
        <translation>%1（該当する %2 件の証明書はいずれも使用できません）</translation>
    </message>
    <message>
        <source>no certificate for this address in %1</source>
        <translation>%1 にこのアドレスの証明書がありません</translation>
    </message>
    <message>
        <source>unsupported S/MIME cipher &quot;%1&quot; (use aes-128-cbc, aes-192-cbc or aes-256-cbc)</source>
        <translation>S/MIME の暗号方式 &quot;%1&quot; には対応していません（aes-128-cbc、aes-192-cbc、aes-256-cbc のいずれかを指定してください）</translation>
    </message>
    <message>
        <source>no folder for S/MIME certificates is configured</source>
        <translation>S/MIME 証明書のフォルダーが設定されていません</translation>
    </message>
    <message>
        <source>the S/MIME certificate folder %1 does not exist</source>
        <translation>S/MIME 証明書のフォルダー %1 が見つかりません</translation>
    </message>
    <message>
        <source>the S/MIME certificate folder %1 cannot be read</source>
        <translation>S/MIME 証明書のフォルダー %1 を読み込めません</translation>
    </message>
    <message>
        <source>too large for a certificate file (%1 bytes)</source>
        <translation>証明書ファイルとしては大きすぎます（%1 バイト）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <source>broken PEM certificate: %1</source>
        <translation>PEM 形式の証明書が壊れています: %1</translation>
    </message>
    <message>
        <source>no certificate in the PEM file</source>
        <translation>PEM ファイルに証明書が含まれていません</translation>
    </message>
    <message>
        <source>unexpected data after the DER certificate</source>
        <translation>DER 形式の証明書の後ろに余分なデータがあります</translation>
    </message>
    <message>
        <source>not a certificate (neither PEM nor DER): %1</source>
        <translation>証明書ではありません（PEM 形式でも DER 形式でもありません）: %1</translation>
    </message>
    <message>
        <source>the S/MIME back end is not configured</source>
        <translation>S/MIME バックエンドが設定されていません</translation>
    </message>
    <message>
        <source>%1 (SHA-256 %2), valid until %3</source>
        <translation>%1（SHA-256 %2）、有効期限 %3</translation>
    </message>
    <message>
        <source>no recipients to encrypt to</source>
        <translation>暗号化の宛先がありません</translation>
    </message>
    <message>
        <source>no usable S/MIME certificate for %1</source>
        <translation>次の宛先に使用できる S/MIME 証明書がありません: %1</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>メモリが不足しています</translation>
    </message>
    <message>
        <source>OpenSSL could not prepare the encryption: %1</source>
        <translation>OpenSSL で暗号化の準備ができませんでした: %1</translation>
    </message>
    <message>
        <source>OpenSSL could not encrypt: %1</source>
        <translation>OpenSSL で暗号化できませんでした: %1</translation>
    </message>
    <message>
        <source>cannot write the encrypted output: %1</source>
        <translation>暗号化したデータを書き出せません: %1</translation>
    </message>
    <message>
        <source>cannot read the message: %1</source>
        <translation>メールを読み込めません: %1</translation>
    </message>
</context>
<context>
    <name>sendguard::SmtpServer</name>
    <message>
        <source>refusing to listen on %1: SendGuard listens on loopback addresses only</source>
        <translation>%1 では待ち受けできません。SendGuard はループバックアドレスでのみ待ち受けます</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>%1:%2 で待ち受けできません: %3</translation>
    </message>
</context>
<context>
    <name>sendguard::Spool</name>
    <message>
        <source>cannot create the spool folder %1</source>
        <translation>スプールフォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>removed %1, whose acceptance was interrupted before the client was answered</source>
        <translation>%1 はメールソフトへの応答前に受け付け処理が中断されたため、削除しました</translation>
    </message>
    <message>
        <source>ignored an incomplete last line in the spool journal</source>
        <translation>スプールのジャーナルの最終行が不完全なため、無視しました</translation>
    </message>
    <message>
        <source>skipped damaged line %1 of the spool journal</source>
        <translation>スプールのジャーナルの %1 行目が破損しているため、読み飛ばしました</translation>
    </message>
    <message>
        <source>message %1 has an unreadable state (%2); its file was kept in %3</source>
        <translation>メール %1 の状態を読み取れません（%2）。ファイルは %3 に保管しました</translation>
    </message>
    <message>
        <source>message %1 is in the journal but its file is missing; it cannot be sent</source>
        <translation>メール %1 はジャーナルに記録されていますが、ファイルが見つからないため送信できません</translation>
    </message>
    <message>
        <source>message %1 does not match its recorded size and checksum; it was moved to %2</source>
        <translation>メール %1 が記録されたサイズ・チェックサムと一致しないため、%2 に移動しました</translation>
    </message>
    <message>
        <source>cannot rewrite the spool journal: %1</source>
        <translation>スプールのジャーナルを書き直せません: %1</translation>
    </message>
    <message>
        <source>cannot write the spool journal: %1</source>
        <translation>スプールのジャーナルに書き込めません: %1</translation>
    </message>
</context>
<context>
    <name>sendguard::TrayIcon</name>
    <message>
        <source>SendGuard: no messages held</source>
        <translation>SendGuard: 保留中のメールはありません</translation>
    </message>
    <message numerus="yes">
        <source>SendGuard: %n message(s) held</source>
        <translation>
            <numerusform>SendGuard: 保留中のメール %n 通</numerusform>
        </translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（件名なし）</translation>
    </message>
    <message>
        <source>Message not sent</source>
        <translation>メールを送信できませんでした</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be sent: %2</source>
        <translation>「%1」を送信できませんでした: %2</translation>
    </message>
    <message>
        <source>Message waiting</source>
        <translation>メールが送信待ちです</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be delivered yet; SendGuard keeps trying.</source>
        <translation>「%1」はまだ送信できていません。SendGuard が再送を続けます。</translation>
    </message>
    <message>
        <source>Open the &amp;queue…</source>
        <translation>送信キューを開く(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;Quit SendGuard</source>
        <translation>SendGuard を終了(&amp;X)</translation>
    </message>
    <message>
        <source>SendGuard is running</source>
        <translation>SendGuard は実行中です</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so SendGuard shows its queue in this window. Closing the window keeps SendGuard running; open it again from the application menu.</source>
        <translation>このデスクトップ環境にはシステムトレイがないため、送信キューをこのウィンドウに表示しています。ウィンドウを閉じても SendGuard は動作し続けます。もう一度表示するには、アプリケーションメニューから SendGuard を起動してください。</translation>
    </message>
    <message>
        <source>next one leaves in %1:%2</source>
        <translation>次の送信まで %1:%2</translation>
    </message>
    <message>
        <source>Message held</source>
        <translation>メールを保留しました</translation>
    </message>
    <message>
        <source>&quot;%1&quot; leaves in %2 seconds. You can still recall it from the queue.</source>
        <translation>「%1」は %2 秒後に送信されます。それまでは送信キューから送信を取り消せます。</translation>
    </message>
    <message>
        <source>Waiting for your confirmation</source>
        <translation>送信確認待ちのメールがあります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not sent until you confirm it.</source>
        <translation>「%1」は送信確認するまで送信されません。</translation>
    </message>
    <message>
        <source>Message sent</source>
        <translation>メールを送信しました</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was handed to the mail server.</source>
        <translation>「%1」を送信サーバーに引き渡しました。</translation>
    </message>
    <message>
        <source>Message recalled</source>
        <translation>送信を取り消しました</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not sent. It stays in the queue, where you can save or send it.</source>
        <translation>「%1」は送信されませんでした。メールは送信キューに残っており、そこから保存や送信ができます。</translation>
    </message>
    <message>
        <source>Messages waiting to be sent</source>
        <translation>送信待ちのメールがあります</translation>
    </message>
    <message numerus="yes">
        <source>%n held message(s) reached the end of the hold while SendGuard was not running.</source>
        <translation>
            <numerusform>SendGuard の停止中に、保留中のメール %n 通の保留時間が終了しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>SendGuard — held messages</source>
        <translation>SendGuard — 保留中のメール</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were held when SendGuard stopped, and their hold time has passed:</source>
        <translation>
            <numerusform>SendGuard の停止時に保留中だったメール %n 通の保留時間が過ぎています:</numerusform>
        </translation>
    </message>
    <message>
        <source>Send them now?</source>
        <translation>今すぐ送信しますか？</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>今すぐ送信(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Review in the queue</source>
        <translation>送信キューで確認(&amp;R)</translation>
    </message>
</context>
<context>
    <name>sendguard::UpstreamConnection</name>
    <message>
        <source>the upstream closed the connection</source>
        <translation>送信サーバーが接続を切断しました</translation>
    </message>
    <message>
        <source>the upstream&apos;s TLS certificate is not trusted: %1</source>
        <translation>送信サーバーの TLS 証明書を信頼できません: %1</translation>
    </message>
    <message>
        <source>the upstream sent an over-long reply line</source>
        <translation>送信サーバーからの応答行が長すぎます</translation>
    </message>
    <message>
        <source>the upstream sent a malformed reply: %1</source>
        <translation>送信サーバーからの応答の形式が正しくありません: %1</translation>
    </message>
    <message>
        <source>the upstream sent an over-long reply</source>
        <translation>送信サーバーからの応答が長すぎます</translation>
    </message>
    <message>
        <source>the upstream closed the connection: %1</source>
        <translation>送信サーバーが接続を切断しました: %1</translation>
    </message>
    <message>
        <source>the upstream refused the connection: %1</source>
        <translation>送信サーバーが接続を拒否しました: %1</translation>
    </message>
    <message>
        <source>the upstream refused EHLO: %1</source>
        <translation>送信サーバーが EHLO を拒否しました: %1</translation>
    </message>
    <message>
        <source>the upstream %1 does not offer STARTTLS; refusing to send in plain text (upstream.security is &quot;starttls&quot;)</source>
        <translation>送信サーバー %1 が STARTTLS に対応していないため、送信を中止しました。暗号化されていない接続では送信しません（upstream.security は &quot;starttls&quot; です）</translation>
    </message>
    <message>
        <source>the upstream refused STARTTLS: %1; refusing to send in plain text</source>
        <translation>送信サーバーが STARTTLS を拒否しました: %1。暗号化されていない接続では送信しません</translation>
    </message>
    <message>
        <source>refusing to send the upstream password over an unencrypted connection</source>
        <translation>暗号化されていない接続では、送信サーバーのパスワードを送信できません</translation>
    </message>
    <message>
        <source>no password for %1 is stored in the keychain; set it in the settings or with &quot;sendguard credentials set upstream&quot;</source>
        <translation>%1 のパスワードがキーチェーンに保存されていません。設定画面または &quot;sendguard credentials set upstream&quot; で設定してください</translation>
    </message>
    <message>
        <source>the upstream refused the login for %1: %2</source>
        <translation>送信サーバーが %1 のログインを拒否しました: %2</translation>
    </message>
    <message>
        <source>the upstream offers no login method SendGuard supports (%1)</source>
        <translation>送信サーバーに SendGuard で使用できるログイン方式がありません（%1）</translation>
    </message>
    <message>
        <source>the upstream accepts at most %1 bytes</source>
        <translation>送信サーバーが受け付けるサイズは最大 %1 バイトです</translation>
    </message>
    <message>
        <source>the upstream does not support SMTPUTF8 addresses</source>
        <translation>送信サーバーは SMTPUTF8（国際化メールアドレス）に対応していません</translation>
    </message>
    <message>
        <source>cannot read the spooled message: %1</source>
        <translation>スプール内のメールを読み込めません: %1</translation>
    </message>
    <message>
        <source>the upstream refused RSET: %1</source>
        <translation>送信サーバーが RSET を拒否しました: %1</translation>
    </message>
    <message>
        <source>cannot talk to the upstream %1:%2: %3</source>
        <translation>送信サーバー %1:%2 と通信できません: %3</translation>
    </message>
    <message>
        <source>could not connect to the upstream %1:%2 within %3 seconds</source>
        <translation>送信サーバー %1:%2 に %3 秒以内に接続できませんでした</translation>
    </message>
    <message>
        <source>the upstream did not answer within %1 seconds</source>
        <translation>送信サーバーが %1 秒以内に応答しませんでした</translation>
    </message>
    <message>
        <source>the upstream does not accept 8-bit message data (8BITMIME)</source>
        <translation>送信サーバーが 8 ビットのメールデータ（8BITMIME）を受け付けません</translation>
    </message>
</context>
</TS>
