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
        <source>unknown section (expected listen, upstream, relay or policy)</source>
        <translation>不明なセクションです（listen、upstream、relay、policy のいずれかを指定してください）</translation>
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
        <source>Check the recipients before this message leaves your computer.</source>
        <translation>このメールを送信する前に、宛先に誤りがないかご確認ください。</translation>
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
        <source>internal</source>
        <translation>社内</translation>
    </message>
    <message>
        <source>EXTERNAL</source>
        <translation>社外</translation>
    </message>
    <message>
        <source>— looks like %1</source>
        <translation>— %1 に類似</translation>
    </message>
    <message>
        <source>— first time</source>
        <translation>— 初めての宛先</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>添付ファイル: %1</translation>
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
        <source>Quit SendGuard</source>
        <translation>SendGuard を終了</translation>
    </message>
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
