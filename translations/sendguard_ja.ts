<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AuditKey</name>
    <message>
        <source>the audit key file %1 does not exist</source>
        <translation>監査ログの鍵ファイル %1 が見つかりません</translation>
    </message>
    <message>
        <source>cannot read the audit key file %1: %2</source>
        <translation>監査ログの鍵ファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>the audit key file %1 is too short (at least 16 bytes are needed)</source>
        <translation>監査ログの鍵ファイル %1 が短すぎます（16 バイト以上必要です）</translation>
    </message>
</context>
<context>
    <name>AuditReader</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation>メッセージ ID</translation>
    </message>
    <message>
        <source>From</source>
        <translation>差出人</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>cannot read the file: %1</source>
        <translation>ファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>not a valid audit line (damaged or cut off)</source>
        <translation>監査ログの行として正しくありません（破損しているか、途中で切れています）</translation>
    </message>
    <message>
        <source>the line is cut off (incomplete, no line end)</source>
        <translation>行が途中で切れています（行末の改行がありません）</translation>
    </message>
    <message>
        <source>the line has no seq/prev: it was added, or its chain fields were removed</source>
        <translation>この行には seq/prev がありません。後から追加されたか、チェーンの項目が削除されています</translation>
    </message>
    <message>
        <source>the line has no MAC although earlier lines have one: it was replaced or added</source>
        <translation>前の行には MAC があるのに、この行には MAC がありません。行が置き換えられたか、追加されています</translation>
    </message>
    <message>
        <source>the trail starts at seq %1: the %2 line(s) before it were removed (or older files deleted)</source>
        <translation>ログが seq %1 から始まっています。それより前の %2 行が削除されています（または古いファイルが削除されています）</translation>
    </message>
    <message>
        <source>seq 1 follows a line that is no longer there: the beginning of the trail was removed</source>
        <translation>seq 1 の前にあった行が存在しません。ログの先頭部分が削除されています</translation>
    </message>
    <message>
        <source>seq %1 appears again (first at %2): a line was copied or inserted</source>
        <translation>seq %1 が重複しています（最初の出現: %2）。行がコピーまたは挿入されています</translation>
    </message>
    <message>
        <source>seq %1 comes after seq %2: lines were moved out of order</source>
        <translation>seq %1 が seq %2 の後にあります。行の順序が入れ替えられています</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed before this line (missing seq %1; the line before is %2)</source>
        <translation>
            <numerusform>この行の前で %n 行が削除されています（欠けている seq: %1、直前の行: %2）</numerusform>
        </translation>
    </message>
    <message>
        <source>the file %1 named by this rotation record is missing</source>
        <translation>このローテーションの記録に書かれているファイル %1 が見つかりません</translation>
    </message>
    <message>
        <source>The lines carry MACs, but no key was available to check them (set SENDGUARD_AUDIT_KEY_FILE or install %1).</source>
        <translation>各行に MAC が付いていますが、検証に使う鍵がないため確認できませんでした（SENDGUARD_AUDIT_KEY_FILE を設定するか、鍵ファイル %1 を配置してください）。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) at the beginning were written before the chain was introduced and are not protected by it.</source>
        <translation>
            <numerusform>先頭の %n 行はチェーンの導入前に書き込まれたため、チェーンによって保護されていません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were written before the audit key was installed and carry no MAC.</source>
        <translation>
            <numerusform>%n 行は監査ログの鍵を配置する前に書き込まれたため、MAC が付いていません。</numerusform>
        </translation>
    </message>
    <message>
        <source>audit-head.json is damaged or was changed</source>
        <translation>audit-head.json が破損しているか、変更されています</translation>
    </message>
    <message>
        <source>audit-head.json was changed: its MAC does not match</source>
        <translation>audit-head.json が変更されています。MAC が一致しません</translation>
    </message>
    <message>
        <source>the beginning (no chained line)</source>
        <translation>先頭、チェーンされた行なし</translation>
    </message>
    <message numerus="yes">
        <source>the trail ends at seq %1 (%2) but seq %3 was written: %n line(s) at the end were removed</source>
        <translation>
            <numerusform>ログは seq %1（%2）で終わっていますが、seq %3 まで書き込まれていました。末尾の %n 行が削除されています</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no audit-head.json: the removal of the last lines cannot be detected.</source>
        <translation>audit-head.json がないため、末尾の行が削除されても検出できません。</translation>
    </message>
    <message>
        <source>its MAC does not match: the line was changed (or written with another key)</source>
        <translation>MAC が一致しません。行が変更されています（または別の鍵で書き込まれています）</translation>
    </message>
    <message>
        <source>the line differs from what seq 1 (%1) recorded for it</source>
        <translation>この行は、seq 1（%1）に記録されているこの行のハッシュと一致しません</translation>
    </message>
    <message>
        <source>the line differs from what the next line (seq %1, %2) recorded for it</source>
        <translation>この行は、次の行（seq %1、%2）に記録されているこの行のハッシュと一致しません</translation>
    </message>
    <message>
        <source>the line differs from what audit-head.json recorded for it</source>
        <translation>この行は、audit-head.json に記録されているこの行のハッシュと一致しません</translation>
    </message>
</context>
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
    <message>
        <source>audit export: write CSV for spreadsheets (the default).</source>
        <translation>audit export: 表計算ソフト用の CSV 形式で出力します（既定）。</translation>
    </message>
    <message>
        <source>audit export: from this day on (YYYY-MM-DD, local time).</source>
        <translation>audit export: この日以降を出力します（YYYY-MM-DD、ローカル時刻）。</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>audit export: up to this day (YYYY-MM-DD, local time).</source>
        <translation>audit export: この日までを出力します（YYYY-MM-DD、ローカル時刻）。</translation>
    </message>
    <message>
        <source>audit export: write to FILE instead of standard output.</source>
        <translation>audit export: 標準出力の代わりに FILE に書き出します。</translation>
    </message>
    <message>
        <source>check: the domain your mail is sent from (for SPF and DMARC).</source>
        <translation>check: メールの送信元ドメイン（SPF と DMARC の確認に使用します）。</translation>
    </message>
    <message>
        <source>DOMAIN</source>
        <translation>DOMAIN</translation>
    </message>
    <message>
        <source>check: ask this DNS server (ADDRESS or ADDRESS:PORT) instead of the system&apos;s.</source>
        <translation>check: システムの DNS サーバーの代わりに、この DNS サーバー（ADDRESS または ADDRESS:PORT）に問い合わせます。</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADDRESS</translation>
    </message>
    <message>
        <source>queue | credentials | check-config | check | audit verify | audit export</source>
        <translation>queue | credentials | check-config | check | audit verify | audit export</translation>
    </message>
    <message>
        <source>usage: sendguard check [--json] [--config FILE] [--sender-domain DOMAIN] [--dns-server ADDRESS[:PORT]]</source>
        <translation>使い方: sendguard check [--json] [--config FILE] [--sender-domain DOMAIN] [--dns-server ADDRESS[:PORT]]</translation>
    </message>
    <message>
        <source>--dns-server: &quot;%1&quot; is not ADDRESS or ADDRESS:PORT</source>
        <translation>--dns-server: &quot;%1&quot; は ADDRESS または ADDRESS:PORT の形式ではありません</translation>
    </message>
    <message>
        <source>--dns-server: this build (Qt %1) can only ask DNS servers on port 53; run the server on port 53 of another loopback address, such as 127.0.0.53</source>
        <translation>--dns-server: このビルド（Qt %1）では、ポート 53 の DNS サーバーにしか問い合わせできません。127.0.0.53 など別のループバックアドレスのポート 53 で DNS サーバーを動かしてください</translation>
    </message>
    <message>
        <source>usage: sendguard audit verify [--json] [--data-dir DIR]
       sendguard audit export --csv [--from DATE] [--to DATE] [--output FILE] [--data-dir DIR]</source>
        <translation>使い方: sendguard audit verify [--json] [--data-dir DIR]
        sendguard audit export --csv [--from DATE] [--to DATE] [--output FILE] [--data-dir DIR]</translation>
    </message>
    <message>
        <source>there is no data folder %1</source>
        <translation>データフォルダー %1 が見つかりません</translation>
    </message>
    <message>
        <source>warning: %1; MACs are not checked</source>
        <translation>警告: %1。MAC は検証しません</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>注: %1</translation>
    </message>
    <message>
        <source>There is no audit log in %1 yet.</source>
        <translation>%1 にはまだ監査ログがありません。</translation>
    </message>
    <message>
        <source>MACs checked with %1</source>
        <translation>MAC は %1 の鍵で検証済み</translation>
    </message>
    <message>
        <source>no MAC key, MACs not checked</source>
        <translation>MAC の鍵がないため MAC は未検証</translation>
    </message>
    <message>
        <source>The audit trail is intact: %1 file(s), %2 line(s), seq %3 to %4; %5.</source>
        <translation>監査ログに改ざんや欠落はありません: %1 ファイル、%2 行、seq %3 から %4 まで。%5。</translation>
    </message>
    <message>
        <source>Last line: seq %1, SHA-256 %2</source>
        <translation>最終行: seq %1、SHA-256 %2</translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is BROKEN: %n problem(s) in %1 file(s), %2 line(s); %3.</source>
        <translation>
            <numerusform>監査ログが壊れています（改ざんされている可能性があります）: %1 ファイル、%2 行の中に %n 件の問題があります。%3。</numerusform>
        </translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a date (YYYY-MM-DD)</source>
        <translation>--%1: &quot;%2&quot; は日付（YYYY-MM-DD）ではありません</translation>
    </message>
    <message>
        <source>--from is after --to</source>
        <translation>--from に --to より後の日付が指定されています</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to %1</source>
        <translation>
            <numerusform>%n 件のイベントを %1 に書き出しました</numerusform>
        </translation>
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
        <source>unknown section (expected listen, upstream, relay, policy, encryption or ui)</source>
        <translation>不明なセクションです（listen、upstream、relay、policy、encryption、ui のいずれかを指定してください）</translation>
    </message>
    <message>
        <source>encryption cannot be required while encryption.mode is &quot;off&quot;; set it to &quot;attachments&quot; or &quot;message&quot;</source>
        <translation>encryption.mode が &quot;off&quot; のままでは暗号化を必須にできません。&quot;attachments&quot; または &quot;message&quot; を指定してください</translation>
    </message>
    <message>
        <source>a folder with the recipients&apos; certificates is needed for encryption.method &quot;smime&quot;</source>
        <translation>encryption.method が &quot;smime&quot; の場合は、受信者の証明書を置いたフォルダーの指定が必要です</translation>
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
    <name>MachinePolicy</name>
    <message>
        <source>cannot be read: %1</source>
        <translation>読み込めません: %1</translation>
    </message>
    <message>
        <source>not a valid JSON object: %1</source>
        <translation>有効な JSON オブジェクトではありません: %1</translation>
    </message>
</context>
<context>
    <name>MessageEncryptor</name>
    <message>
        <source>SendGuard is stopping</source>
        <translation>SendGuard を終了しています</translation>
    </message>
    <message>
        <source>the attachment cannot be read from the spool</source>
        <translation>添付ファイルをスプールから読み込めません</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 を作成できません: %2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>no encryption back end</source>
        <translation>暗号化のバックエンドがありません</translation>
    </message>
    <message>
        <source>no recipients to encrypt to</source>
        <translation>暗号化する宛先がありません</translation>
    </message>
    <message>
        <source>unknown encryption mode &quot;%1&quot;</source>
        <translation>不明な暗号化モード「%1」です</translation>
    </message>
    <message>
        <source>the message cannot be parsed as MIME</source>
        <translation>メッセージを MIME として解析できません</translation>
    </message>
    <message>
        <source>the message has no content to encrypt</source>
        <translation>メッセージに暗号化する内容がありません</translation>
    </message>
    <message>
        <source>the message has more than %1 parts or is nested deeper than %2 levels; it cannot be encrypted attachment by attachment</source>
        <translation>メッセージのパートが %1 を超えるか、入れ子が %2 階層より深いため、添付ファイルごとに暗号化できません</translation>
    </message>
    <message>
        <source>the message has no attachment to encrypt</source>
        <translation>メッセージに暗号化する添付ファイルがありません</translation>
    </message>
    <message>
        <source>the attached message &quot;%1&quot; is empty</source>
        <translation>添付されたメッセージ「%1」が空です</translation>
    </message>
    <message>
        <source>attachment &quot;%1&quot;: %2</source>
        <translation>添付ファイル「%1」: %2</translation>
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
    <name>SecurityCheck</name>
    <message>
        <source>Cannot reach the mail server %1: %2</source>
        <translation>送信サーバー %1 に接続できません: %2</translation>
    </message>
    <message>
        <source>Check upstream.host and upstream.port, and whether a firewall blocks the connection.</source>
        <translation>upstream.host と upstream.port の設定、およびファイアウォールで接続が遮断されていないかを確認してください。</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS: SendGuard refuses to send to it in plain text, so no mail leaves.</source>
        <translation>%1 は STARTTLS に対応していません。SendGuard は暗号化されていない接続では送信しないため、メールは一切送信されません。</translation>
    </message>
    <message>
        <source>Ask your provider for the encrypted submission port (587 with STARTTLS, or 465 with &quot;security&quot;: &quot;tls&quot;).</source>
        <translation>メールサービスの提供元に、暗号化に対応したメール送信用のポート番号（STARTTLS なら 587、&quot;security&quot;: &quot;tls&quot; なら 465）を確認してください。</translation>
    </message>
    <message>
        <source>%1 offers no encryption at all: mail and passwords cross the network readable by anyone on the way.</source>
        <translation>%1 は暗号化にまったく対応していません。メールやパスワードは、通信経路上の第三者が読める状態で送られます。</translation>
    </message>
    <message>
        <source>Use a mail server that offers STARTTLS or TLS.</source>
        <translation>STARTTLS または TLS に対応した送信サーバーを使用してください。</translation>
    </message>
    <message>
        <source>%1 offers STARTTLS but refused it: %2</source>
        <translation>%1 は STARTTLS に対応していると応答しましたが、STARTTLS を拒否しました: %2</translation>
    </message>
    <message>
        <source>Ask your mail provider to fix STARTTLS.</source>
        <translation>STARTTLS の問題を修正するよう、メールサービスの提供元に依頼してください。</translation>
    </message>
    <message>
        <source>%1 offers STARTTLS, but the configuration does not use it.</source>
        <translation>%1 は STARTTLS に対応していますが、設定で STARTTLS を使用していません。</translation>
    </message>
    <message>
        <source>Set upstream.security to &quot;starttls&quot;.</source>
        <translation>upstream.security を &quot;starttls&quot; に設定してください。</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2</source>
        <translation>%1 との TLS ハンドシェイクに失敗しました: %2</translation>
    </message>
    <message>
        <source>The server may only offer TLS versions older than 1.2, which SendGuard does not use. Ask your mail provider.</source>
        <translation>サーバーが TLS 1.2 より古いバージョンにしか対応していない可能性があります。SendGuard はそれらのバージョンを使用しません。メールサービスの提供元にお問い合わせください。</translation>
    </message>
    <message>
        <source>The conversation with %1 ended early: %2</source>
        <translation>%1 との通信が途中で終了しました: %2</translation>
    </message>
    <message>
        <source>%1 encrypts the connection (%2, %3).</source>
        <translation>%1 との接続は暗号化されています（%2、%3）。</translation>
    </message>
    <message>
        <source>SendGuard refuses to send to it.</source>
        <translation>SendGuard はこのサーバーには送信しません。</translation>
    </message>
    <message>
        <source>SendGuard sends anyway, because upstream.verify_certificate is false.</source>
        <translation>upstream.verify_certificate が false のため、SendGuard はそれでも送信します。</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (%2). %3</source>
        <translation>%1 の証明書は信頼できません（%2）。%3</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>自己署名証明書</translation>
    </message>
    <message>
        <source>unknown issuer</source>
        <translation>発行者が不明</translation>
    </message>
    <message>
        <source>If your organisation runs its own certificate authority, name its certificate in upstream.ca_file; otherwise ask your mail provider.</source>
        <translation>組織独自の認証局を使用している場合は、その証明書を upstream.ca_file に指定してください。そうでない場合は、メールサービスの提供元にお問い合わせください。</translation>
    </message>
    <message>
        <source>The certificate of %1 is made out for another name. %2</source>
        <translation>%1 の証明書は別のホスト名に対して発行されています。%2</translation>
    </message>
    <message>
        <source>Use the host name written in the certificate as upstream.host.</source>
        <translation>upstream.host には、証明書に記載されているホスト名を指定してください。</translation>
    </message>
    <message>
        <source>The certificate of %1 expired on %2. %3</source>
        <translation>%1 の証明書は %2 に有効期限が切れています。%3</translation>
    </message>
    <message>
        <source>Ask your mail provider to renew it.</source>
        <translation>証明書を更新するよう、メールサービスの提供元に依頼してください。</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid yet. %2</source>
        <translation>%1 の証明書はまだ有効期間が始まっていません。%2</translation>
    </message>
    <message>
        <source>Check the clock of this computer.</source>
        <translation>このコンピューターの日付と時刻が正しいか確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>The certificate of %1 expires in %n day(s).</source>
        <translation>
            <numerusform>%1 の証明書はあと %n 日で有効期限が切れます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask your mail provider to renew it in time.</source>
        <translation>期限が切れる前に証明書を更新するよう、メールサービスの提供元に依頼してください。</translation>
    </message>
    <message>
        <source>The certificate of %1 is valid for this name, issued by %2, until %3.</source>
        <translation>%1 の証明書はこのホスト名に対して有効です（発行者: %2、有効期限: %3）。</translation>
    </message>
    <message>
        <source>No mail server is configured: the built-in demo upstream keeps every message on this computer.</source>
        <translation>送信サーバーが設定されていません。内蔵のデモ用送信サーバーが、すべてのメールをこのコンピューター内に保存します。</translation>
    </message>
    <message>
        <source>Set upstream.host to your mail server to send real mail.</source>
        <translation>実際にメールを送信するには、upstream.host に送信サーバーを設定してください。</translation>
    </message>
    <message>
        <source>upstream.security is &quot;none&quot;: mail (and the password, if one is used) goes to %1 in plain text.</source>
        <translation>upstream.security が &quot;none&quot; です。メール（パスワードを使用している場合はパスワードも）は暗号化されずに %1 に送られます。</translation>
    </message>
    <message>
        <source>Set upstream.security to &quot;starttls&quot; (usually port 587) or &quot;tls&quot; (usually port 465).</source>
        <translation>upstream.security を &quot;starttls&quot;（通常はポート 587）または &quot;tls&quot;（通常はポート 465）に設定してください。</translation>
    </message>
    <message>
        <source>upstream.verify_certificate is false: anyone between this computer and %1 can pose as the server and read the mail and the password.</source>
        <translation>upstream.verify_certificate が false です。このコンピューターと %1 の間の通信経路上にいる第三者がサーバーになりすまし、メールやパスワードを読み取れるおそれがあります。</translation>
    </message>
    <message>
        <source>Set upstream.verify_certificate to true; for a private certificate authority, name its certificate in upstream.ca_file.</source>
        <translation>upstream.verify_certificate を true に設定してください。組織独自の認証局を使用している場合は、その証明書を upstream.ca_file に指定してください。</translation>
    </message>
    <message>
        <source>listen.auth is &quot;none&quot;: any program on this computer can send mail through SendGuard without a password.</source>
        <translation>listen.auth が &quot;none&quot; です。このコンピューター上のどのプログラムからでも、パスワードなしで SendGuard 経由でメールを送信できます。</translation>
    </message>
    <message>
        <source>Set listen.auth to &quot;required&quot; unless this computer has a single user.</source>
        <translation>このコンピューターをひとりで使う場合を除き、listen.auth を &quot;required&quot; に設定してください。</translation>
    </message>
    <message>
        <source>listen.starttls is false: your mail program talks to SendGuard in plain text (on this computer only).</source>
        <translation>listen.starttls が false です。メールソフトと SendGuard の間は暗号化されずに通信します（このコンピューター内のみ）。</translation>
    </message>
    <message>
        <source>Set listen.starttls to true and turn on STARTTLS in the mail program.</source>
        <translation>listen.starttls を true に設定し、メールソフトで STARTTLS を有効にしてください。</translation>
    </message>
    <message>
        <source>The configuration allows no plain-text connection.</source>
        <translation>暗号化されていない接続を許可する設定はありません。</translation>
    </message>
    <message numerus="yes">
        <source>no answer from DNS within %n second(s)</source>
        <translation>
            <numerusform>DNS から %n 秒以内に応答がありませんでした</numerusform>
        </translation>
    </message>
    <message>
        <source>The SPF record of %1 could not be looked up: %2</source>
        <translation>%1 の SPF レコードを取得できませんでした: %2</translation>
    </message>
    <message>
        <source>Check the DNS settings of this computer, then run the check again.</source>
        <translation>このコンピューターの DNS 設定を確認してから、もう一度チェックを実行してください。</translation>
    </message>
    <message>
        <source>&quot;v=spf1 include:YOUR-PROVIDER -all&quot;</source>
        <translation>&quot;v=spf1 include:YOUR-PROVIDER -all&quot;</translation>
    </message>
    <message>
        <source>%1 does not exist in DNS, so it has no SPF record.</source>
        <translation>%1 は DNS に存在しないため、SPF レコードもありません。</translation>
    </message>
    <message>
        <source>%1 has no SPF record: receiving servers cannot tell which servers may send mail for it, so your mail may be treated as spam and others can pretend to be you.</source>
        <translation>%1 には SPF レコードがありません。このドメインのメールをどのサーバーが送信してよいかを受信側のサーバーが判断できないため、送信したメールが迷惑メールとして扱われたり、第三者に差出人をなりすまされたりするおそれがあります。</translation>
    </message>
    <message>
        <source>Publish a TXT record on %1 such as %2; your mail provider tells you what to include.</source>
        <translation>%1 に %2 のような TXT レコードを登録してください。include に指定する値は、メールサービスの提供元にお問い合わせください。</translation>
    </message>
    <message>
        <source>%1 has %2 SPF records; receiving servers treat that as an error and ignore SPF.</source>
        <translation>%1 には SPF レコードが %2 件あります。受信側のサーバーはこれをエラーとみなし、SPF を無視します。</translation>
    </message>
    <message>
        <source>Merge them into one record.</source>
        <translation>レコードを 1 件にまとめてください。</translation>
    </message>
    <message>
        <source>The SPF record of %1 ends with &quot;+all&quot;: it allows every server in the world to send mail as %1.</source>
        <translation>%1 の SPF レコードが &quot;+all&quot; で終わっています。世界中のどのサーバーにも、%1 としてメールを送信することを許可しています。</translation>
    </message>
    <message>
        <source>List the servers that send your mail and end the record with &quot;-all&quot;.</source>
        <translation>メールを送信するサーバーをすべて記載し、レコードの末尾を &quot;-all&quot; にしてください。</translation>
    </message>
    <message>
        <source>The SPF record of %1 ends with &quot;?all&quot;: it says nothing about servers it does not list, so forged mail is not stopped.</source>
        <translation>%1 の SPF レコードが &quot;?all&quot; で終わっています。記載されていないサーバーについて何も示さないため、なりすましメールを防げません。</translation>
    </message>
    <message>
        <source>End the record with &quot;-all&quot; once every server that sends for %1 is listed.</source>
        <translation>%1 のメールを送信するサーバーをすべて記載したら、レコードの末尾を &quot;-all&quot; にしてください。</translation>
    </message>
    <message>
        <source>The SPF record of %1 ends with &quot;~all&quot; (soft fail): mail from other servers is only marked as suspicious, not refused.</source>
        <translation>%1 の SPF レコードが &quot;~all&quot;（ソフトフェイル）で終わっています。記載されていないサーバーからのメールは疑わしいと判定されるだけで、拒否されません。</translation>
    </message>
    <message>
        <source>Change &quot;~all&quot; to &quot;-all&quot; once every server that sends for %1 is listed.</source>
        <translation>%1 のメールを送信するサーバーをすべて記載したら、&quot;~all&quot; を &quot;-all&quot; に変更してください。</translation>
    </message>
    <message>
        <source>%1 has an SPF record that refuses other servers (&quot;-all&quot;).</source>
        <translation>%1 には、記載されていないサーバーを拒否する SPF レコード（&quot;-all&quot;）があります。</translation>
    </message>
    <message>
        <source>The SPF record of %1 refers to %2 (not checked further).</source>
        <translation>%1 の SPF レコードは %2 を参照しています（参照先は確認していません）。</translation>
    </message>
    <message>
        <source>The SPF record of %1 does not end with &quot;-all&quot;: servers it does not list are treated as neutral.</source>
        <translation>%1 の SPF レコードが &quot;-all&quot; で終わっていません。記載されていないサーバーは「中立」として扱われます。</translation>
    </message>
    <message>
        <source>End the record with &quot;-all&quot;.</source>
        <translation>レコードの末尾を &quot;-all&quot; にしてください。</translation>
    </message>
    <message>
        <source>The DMARC record of %1 could not be looked up: %2</source>
        <translation>%1 の DMARC レコードを取得できませんでした: %2</translation>
    </message>
    <message>
        <source>%1 has no DMARC record (%2): receiving servers are not told what to do with mail that pretends to come from %1, and you get no reports about it.</source>
        <translation>%1 には DMARC レコード（%2）がありません。%1 になりすましたメールをどう扱うべきかが受信側のサーバーに伝わらず、そうしたメールについてのレポートも届きません。</translation>
    </message>
    <message>
        <source>Publish a TXT record on %1 such as &quot;v=DMARC1; p=none; rua=mailto:dmarc-reports@%2&quot;, read the reports, then tighten it to p=quarantine and p=reject.</source>
        <translation>%1 に &quot;v=DMARC1; p=none; rua=mailto:dmarc-reports@%2&quot; のような TXT レコードを登録し、届いたレポートを確認したうえで、p=quarantine、さらに p=reject へと段階的に強化してください。</translation>
    </message>
    <message>
        <source>%1 has %2 DMARC records; receiving servers then ignore DMARC.</source>
        <translation>%1 には DMARC レコードが %2 件あります。この場合、受信側のサーバーは DMARC を無視します。</translation>
    </message>
    <message>
        <source>Keep exactly one record.</source>
        <translation>レコードを 1 件だけにしてください。</translation>
    </message>
    <message>
        <source>The DMARC record of %1 has no valid policy (p=none, quarantine or reject), so receiving servers ignore it.</source>
        <translation>%1 の DMARC レコードに有効なポリシー（p=none、quarantine、reject のいずれか）がないため、受信側のサーバーはこのレコードを無視します。</translation>
    </message>
    <message>
        <source>Add &quot;p=quarantine&quot; or &quot;p=reject&quot; right after &quot;v=DMARC1;&quot;.</source>
        <translation>&quot;v=DMARC1;&quot; の直後に &quot;p=quarantine&quot; または &quot;p=reject&quot; を追加してください。</translation>
    </message>
    <message>
        <source>The DMARC policy of %1 is &quot;p=none&quot;: receiving servers only watch; mail that pretends to come from %1 is still delivered.</source>
        <translation>%1 の DMARC ポリシーは &quot;p=none&quot; です。受信側のサーバーは監視するだけで、%1 になりすましたメールもそのまま配信されます。</translation>
    </message>
    <message>
        <source>Once the reports show that all your own mail passes, change it to &quot;p=quarantine&quot; and then &quot;p=reject&quot;.</source>
        <translation>自組織のメールがすべて認証に合格していることをレポートで確認できたら、&quot;p=quarantine&quot;、さらに &quot;p=reject&quot; に変更してください。</translation>
    </message>
    <message>
        <source>The DMARC policy of %1 applies to only %2% of failing mail (pct=%2).</source>
        <translation>%1 の DMARC ポリシーは、認証に失敗したメールの %2% にしか適用されません（pct=%2）。</translation>
    </message>
    <message>
        <source>Remove pct= (or set pct=100) once you are confident.</source>
        <translation>問題がないことを確認できたら、pct= を削除してください（または pct=100 に設定してください）。</translation>
    </message>
    <message>
        <source>The DMARC record of %1 has no &quot;rua=&quot; address: you receive no reports about who sends mail in your name.</source>
        <translation>%1 の DMARC レコードに &quot;rua=&quot; のアドレスがありません。誰があなたのドメインを名乗ってメールを送信しているかについて、レポートを受け取れません。</translation>
    </message>
    <message>
        <source>Add &quot;rua=mailto:dmarc-reports@%1&quot; (or the address of a report service).</source>
        <translation>&quot;rua=mailto:dmarc-reports@%1&quot;（またはレポート集計サービスのアドレス）を追加してください。</translation>
    </message>
    <message>
        <source>%1 has a DMARC record with policy &quot;%2&quot; and reports to %3.</source>
        <translation>%1 には DMARC レコードがあります（ポリシー: &quot;%2&quot;、レポートの送信先: %3）。</translation>
    </message>
    <message>
        <source>upstream.ca_file %1 holds no certificate that can be read.</source>
        <translation>upstream.ca_file に指定された %1 には、読み込める証明書が含まれていません。</translation>
    </message>
    <message>
        <source>Name a PEM or DER file with the certificate authority&apos;s certificate.</source>
        <translation>認証局の証明書を含む PEM 形式または DER 形式のファイルを指定してください。</translation>
    </message>
    <message>
        <source>No sender domain is known, so SPF and DMARC were not checked.</source>
        <translation>送信元ドメインが不明なため、SPF と DMARC は確認していません。</translation>
    </message>
    <message>
        <source>Name it with --sender-domain, or set upstream.username to your mail address.</source>
        <translation>--sender-domain で送信元ドメインを指定するか、upstream.username にメールアドレスを設定してください。</translation>
    </message>
    <message>
        <source>SendGuard security check</source>
        <translation>SendGuard セキュリティチェック</translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation>設定ファイル: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>NOTE</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Everything checked is in order.</source>
        <translation>チェックしたすべての項目に問題はありません。</translation>
    </message>
    <message>
        <source>%1 problem(s) and %2 warning(s) found.</source>
        <translation>問題が %1 件、警告が %2 件見つかりました。</translation>
    </message>
    <message>
        <source>the DNS server did not answer</source>
        <translation>DNS サーバーが応答しませんでした</translation>
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
    <name>UpstreamProbe</name>
    <message>
        <source>the server refused the connection: %1</source>
        <translation>サーバーが接続を拒否しました: %1</translation>
    </message>
    <message>
        <source>the server refused EHLO: %1</source>
        <translation>サーバーが EHLO を拒否しました: %1</translation>
    </message>
    <message>
        <source>the server sent an over-long line</source>
        <translation>サーバーからの応答行が長すぎます</translation>
    </message>
    <message>
        <source>the server sent a malformed reply: %1</source>
        <translation>サーバーからの応答の形式が正しくありません: %1</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>TLS ハンドシェイクに失敗しました: %1</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>サーバーが接続を切断しました</translation>
    </message>
    <message numerus="yes">
        <source>could not connect within %n second(s)</source>
        <translation>
            <numerusform>%n 秒以内に接続できませんでした</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no TLS handshake within %n second(s)</source>
        <translation>
            <numerusform>%n 秒以内に TLS ハンドシェイクが完了しませんでした</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the server did not answer within %n second(s)</source>
        <translation>
            <numerusform>サーバーが %n 秒以内に応答しませんでした</numerusform>
        </translation>
    </message>
    <message>
        <source>the check of the server took too long</source>
        <translation>サーバーの確認に時間がかかりすぎました</translation>
    </message>
</context>
<context>
    <name>main</name>
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
    <message>
        <source>SendGuard: set by your organisation (%1): %2</source>
        <translation>SendGuard: 組織によって設定されています (%1): %2</translation>
    </message>
    <message>
        <source>SendGuard checks, holds and protects the mail you send.
Sub-commands: queue list [--json] | queue release ID | queue recall ID | credentials set local|upstream | credentials show local | check-config | check [--json] | audit verify | audit export --csv</source>
        <translation>SendGuard は、送信するメールを確認・保留し、保護します。
サブコマンド: queue list [--json] | queue release ID | queue recall ID | credentials set local|upstream | credentials show local | check-config | check [--json] | audit verify | audit export --csv</translation>
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
    <name>sendguard::AuditViewer</name>
    <message>
        <source>Search subject, address, ID or detail</source>
        <translation>件名、アドレス、ID、詳細で検索</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>検索(&amp;F):</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>すべてのイベント</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受け付け</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>送信確認済み</translation>
    </message>
    <message>
        <source>Refused or cancelled</source>
        <translation>拒否・キャンセル</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>送信取り消し</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>送信失敗</translation>
    </message>
    <message>
        <source>Moved to Bcc</source>
        <translation>Bcc に移動</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>イベント(&amp;E):</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>期間(&amp;R):</translation>
    </message>
    <message>
        <source>to</source>
        <translation>～</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>再読み込み(&amp;L)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
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
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>The audit log cannot be read completely: %1</source>
        <translation>監査ログの一部を読み込めません: %1</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n event(s) are shown; narrow the search or export the log (sendguard audit export --csv) to see all.</source>
        <translation>
            <numerusform>新しい順に %n 件のイベントを表示しています。すべて表示するには、検索条件を絞り込むか、ログをエクスポートしてください（sendguard audit export --csv）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 件のイベント</numerusform>
        </translation>
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
    <message>
        <source>found (%1)</source>
        <translation>あり（%1）</translation>
    </message>
    <message>
        <source>none: %1</source>
        <translation>なし: %1</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>Encryption: the whole message will be encrypted with %1; only the sender, the recipients, the date and the subject stay readable.</source>
        <translation>暗号化: メッセージ全体を %1 で暗号化します。差出人・宛先・日時・件名だけは暗号化されずに読めます。</translation>
    </message>
    <message>
        <source>Your own key (%1) is included, so you can read what you sent.</source>
        <translation>ご自分の鍵（%1）も含めるので、送信した内容をご自分でも読めます。</translation>
    </message>
    <message>
        <source>No key of your own was found for %1: you will not be able to read what you sent.</source>
        <translation>%1 のご自分の鍵が見つかりません。送信した内容はご自分では読めなくなります。</translation>
    </message>
    <message>
        <source>It is only sent unencrypted if you choose so below.</source>
        <translation>下で選んだ場合にだけ、暗号化せずに送信します。</translation>
    </message>
    <message>
        <source>It will not be sent unencrypted; cancel it.</source>
        <translation>暗号化せずに送信することはできません。キャンセルしてください。</translation>
    </message>
    <message>
        <source>Encryption: there is no attachment, so nothing is encrypted.</source>
        <translation>暗号化: 添付ファイルがないため、暗号化するものはありません。</translation>
    </message>
    <message>
        <source>Encryption: this message will NOT be encrypted, because not every recipient has a key (see the Key column). Encryption is not required for it.</source>
        <translation>暗号化: 鍵のない宛先があるため、このメッセージは暗号化されません（「鍵」の列を参照）。このメッセージには暗号化は必須ではありません。</translation>
    </message>
    <message>
        <source>Send &amp;without encryption (allowed by your organisation; recorded in the audit log)</source>
        <translation>暗号化せずに送信する(&amp;W)（組織で許可されています。監査ログに記録されます）</translation>
    </message>
    <message>
        <source>Send without encryption?</source>
        <translation>暗号化せずに送信しますか?</translation>
    </message>
    <message>
        <source>This message should be encrypted, but not every recipient has a usable key. Send it UNENCRYPTED anyway? This is recorded in the audit log.</source>
        <translation>このメッセージは暗号化が必要ですが、使える鍵のない宛先があります。それでも暗号化せずに送信しますか? このことは監査ログに記録されます。</translation>
    </message>
    <message numerus="yes">
        <source>Encryption: %n attachment(s) will be encrypted with %1 and sent as encrypted files (%2); the text stays readable and says how to open them.</source>
        <translation>
            <numerusform>暗号化: %n 個の添付ファイルを %1 で暗号化し、暗号化ファイル（%2）として送信します。本文はそのまま読め、開き方の案内が付きます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Encryption is required for this message, but it cannot be encrypted (see the Key column): %1.</source>
        <translation>このメッセージは暗号化が必須ですが、暗号化できません（「鍵」の列を参照）: %1。</translation>
    </message>
    <message>
        <source>This message cannot be encrypted as configured: %1.</source>
        <translation>このメッセージは設定どおりに暗号化できません: %1。</translation>
    </message>
    <message>
        <source>will be encrypted (%1)</source>
        <translation>暗号化して送信（%1）</translation>
    </message>
    <message>
        <source>The message is signed: it is encrypted as a whole instead of attachment by attachment, so that its signature stays valid.</source>
        <translation>このメールには署名が付いています。署名が有効なままになるよう、添付ファイルごとではなくメール全体を暗号化します。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Take %1 out of this message: it will not receive it. You can restore it until you send. (Del key on the selected line)</source>
        <translation>%1 をこのメールの宛先から外します（%1 には届きません）。送信するまでは元に戻せます。（選択中の行で Del キーでも操作できます）</translation>
    </message>
    <message>
        <source>removed: does not receive this message</source>
        <translation>削除済み: このメールは届きません</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Put %1 back: it will receive this message again. (Del key on the selected line)</source>
        <translation>%1 を宛先に戻します（このメールが再び届きます）。（選択中の行で Del キーでも操作できます）</translation>
    </message>
    <message numerus="yes">
        <source>Recipients (%1 of %2; %n removed):</source>
        <translation>
            <numerusform>宛先（%2 件中 %1 件、%n 件削除）:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Remove the recipients without a key (%n)</source>
        <translation>
            <numerusform>鍵のない宛先を削除（%n 件）(&amp;R)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Restore the removed recipients (%n)</source>
        <translation>
            <numerusform>削除した宛先を元に戻す（%n 件）(&amp;R)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every recipient is removed, so there is nothing to send. Restore a recipient or cancel.</source>
        <translation>宛先がすべて削除されているため、送信できません。宛先を元に戻すか、キャンセルしてください。</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) removed: they will not receive this message, so send it to them another way. Everyone left has a key: the message will be encrypted with %1.</source>
        <translation>
            <numerusform>%n 件の宛先を削除しました。削除した宛先にはこのメールは届かないため、別の方法でお送りください。残りの宛先はすべて鍵があるため、%1 で暗号化して送信します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) removed: they will not receive this message. Some recipients left still have no key, so it still cannot be encrypted.</source>
        <translation>
            <numerusform>%n 件の宛先を削除しました。削除した宛先にはこのメールは届きません。残りの宛先にもまだ鍵のないものがあるため、暗号化できません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) removed: they will not receive this message. The recipients left do not all have the same kind of key (S/MIME or OpenPGP), so it still cannot be encrypted.</source>
        <translation>
            <numerusform>%n 件の宛先を削除しました。削除した宛先にはこのメールは届きません。残りの宛先の鍵の種類（S/MIME または OpenPGP）がそろっていないため、まだ暗号化できません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Encryption is required for this message, but it cannot be encrypted: there is no usable key for %1 (see the Key column).</source>
        <translation>このメールは暗号化が必須ですが、%1 に使える鍵がないため暗号化できません（「鍵」の列を参照）。</translation>
    </message>
    <message>
        <source>This message cannot be encrypted as configured: there is no usable key for %1 (see the Key column).</source>
        <translation>このメールは設定どおりに暗号化できません。%1 に使える鍵がありません（「鍵」の列を参照）。</translation>
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
    <name>sendguard::EncryptionService</name>
    <message>
        <source>%1 encryption cannot be used: %2</source>
        <translation>%1 の暗号化を使用できません: %2</translation>
    </message>
    <message>
        <source>%1: skipped %2</source>
        <translation>%1: %2 をスキップしました</translation>
    </message>
    <message>
        <source>no certificate folder is set (encryption.smime_certificates)</source>
        <translation>証明書フォルダーが設定されていません（encryption.smime_certificates）</translation>
    </message>
    <message>
        <source>%1; skipped as unreadable: %2</source>
        <translation>%1（読み込めずにスキップしたファイル: %2）</translation>
    </message>
    <message>
        <source>no usable %1 key for %2</source>
        <translation>%2 に使える %1 の鍵がありません</translation>
    </message>
</context>
<context>
    <name>sendguard::FirstRunDialog</name>
    <message>
        <source>no password has been made yet</source>
        <translation>パスワードはまだ作成されていません</translation>
    </message>
    <message>
        <source>Open the menu ≡ and choose Account Settings.</source>
        <translation>メニュー ≡ を開き、[アカウント設定] を選びます。</translation>
    </message>
    <message>
        <source>At the bottom of the list on the left, choose Outgoing Server (SMTP), then click Add….</source>
        <translation>左側の一覧のいちばん下にある [送信 (SMTP) サーバー] を選び、[追加...] をクリックします。</translation>
    </message>
    <message>
        <source>Enter Server Name %1, Port %2, Connection security STARTTLS, Authentication method Normal password and User Name %3. Click OK.</source>
        <translation>[サーバー名] に %1、[ポート番号] に %2 を入力し、[接続の保護] は STARTTLS、[認証方式] は [通常のパスワード認証]、[ユーザー名] に %3 を入力して [OK] をクリックします。</translation>
    </message>
    <message>
        <source>Select your mail account in the list on the left. Under Outgoing Server (SMTP), choose the server %1 you have just added.</source>
        <translation>左側の一覧でメールアカウントを選び、[送信 (SMTP) サーバー] で、いま追加したサーバー %1 を選びます。</translation>
    </message>
    <message>
        <source>Send a test message. When Thunderbird asks for the password, enter the password shown above and tick &quot;Use Password Manager to remember this password&quot;.</source>
        <translation>テストメールを送信します。Thunderbird がパスワードを尋ねてきたら、上に表示されているパスワードを入力し、[パスワードマネージャーにこのパスワードを保存する] にチェックを入れます。</translation>
    </message>
    <message>
        <source>If Thunderbird says the certificate is not trusted, check that it was issued to localhost by SendGuard, then click Confirm Security Exception.</source>
        <translation>証明書が信頼されていないと表示された場合は、SendGuard が localhost に発行した証明書であることを確認してから、[セキュリティ例外を承認] をクリックします。</translation>
    </message>
    <message>
        <source>Choose File &gt; Account Settings &gt; Account Settings….</source>
        <translation>[ファイル] &gt; [アカウント設定] &gt; [アカウント設定] を選びます。</translation>
    </message>
    <message>
        <source>Select your e-mail account (POP or IMAP) and click Change….</source>
        <translation>メールアカウント (POP または IMAP) を選び、[変更] をクリックします。</translation>
    </message>
    <message>
        <source>Under Outgoing mail server (SMTP), enter %1.</source>
        <translation>[送信メール サーバー (SMTP)] に %1 と入力します。</translation>
    </message>
    <message>
        <source>Click More Settings…. On the Outgoing Server tab, tick &quot;My outgoing server (SMTP) requires authentication&quot;, choose &quot;Log on using&quot;, enter User Name %1 and the password shown above, and tick Remember password.</source>
        <translation>[詳細設定] をクリックします。[送信サーバー] タブで [送信サーバー (SMTP) は認証が必要] にチェックを入れ、[次のアカウントとパスワードでログオンする] を選んで、[アカウント名] に %1、[パスワード] に上に表示されているパスワードを入力し、[パスワードを保存する] にチェックを入れます。</translation>
    </message>
    <message>
        <source>On the Advanced tab, enter %1 as Outgoing server (SMTP) port and choose STARTTLS as the type of encrypted connection. Click OK, then Next and Finish.</source>
        <translation>[詳細設定] タブで、[送信サーバー (SMTP)] のポート番号に %1 を入力し、[使用する暗号化接続の種類] で STARTTLS を選びます。[OK]、[次へ]、[完了] の順にクリックします。</translation>
    </message>
    <message>
        <source>If Outlook warns that the certificate cannot be verified, check that it was issued to localhost by SendGuard and choose Yes.</source>
        <translation>証明書を検証できないという警告が表示された場合は、SendGuard が localhost に発行した証明書であることを確認して [はい] を選びます。</translation>
    </message>
    <message>
        <source>Exchange and Microsoft 365 accounts do not send through SMTP: SendGuard can only check the mail of POP and IMAP accounts.</source>
        <translation>Exchange や Microsoft 365 のアカウントは SMTP で送信しないため、SendGuard で確認できるのは POP と IMAP のアカウントのメールだけです。</translation>
    </message>
    <message>
        <source>Choose Mail &gt; Settings (Preferences in older versions) and click Accounts.</source>
        <translation>[メール] &gt; [設定] (古いバージョンでは [環境設定]) を選び、[アカウント] をクリックします。</translation>
    </message>
    <message>
        <source>Select your account and click Server Settings.</source>
        <translation>アカウントを選び、[サーバ設定] をクリックします。</translation>
    </message>
    <message>
        <source>Under Outgoing Mail Server (SMTP), open the Account menu, choose Edit SMTP Server List… and click + to add a server.</source>
        <translation>[送信用メールサーバ (SMTP)] の [アカウント] メニューを開いて [SMTP サーバリストを編集...] を選び、[+] をクリックしてサーバを追加します。</translation>
    </message>
    <message>
        <source>Enter Server Name %1. Untick &quot;Automatically manage connection settings&quot;, enter Port %2, tick &quot;Use TLS/SSL&quot;, choose Authentication Password and enter User Name %3 and the password shown above. Click OK, then Save.</source>
        <translation>[サーバ名] に %1 を入力します。[接続設定を自動的に管理] のチェックを外し、[ポート] に %2 を入力して [TLS/SSL を使用] にチェックを入れ、[認証] で [パスワード] を選んで、[ユーザ名] に %3、パスワードに上に表示されているパスワードを入力します。[OK]、[保存] の順にクリックします。</translation>
    </message>
    <message>
        <source>If Mail says it cannot verify the identity of the server, click Show Certificate, check that it was issued to localhost by SendGuard, tick Always trust and click Continue.</source>
        <translation>サーバの識別情報を検証できないと表示された場合は、[証明書を表示] をクリックし、SendGuard が localhost に発行した証明書であることを確認してから、[常に信頼] にチェックを入れて [続ける] をクリックします。</translation>
    </message>
    <message>
        <source>Choose Tools &gt; Mailbox Settings….</source>
        <translation>[ツール] &gt; [メールボックスの設定] を選びます。</translation>
    </message>
    <message>
        <source>On the Basic Settings tab, enter %1 as SMTP server (outgoing).</source>
        <translation>[基本設定] タブの [SMTP サーバー (送信)] に %1 を入力します。</translation>
    </message>
    <message>
        <source>On the Advanced tab, enter %1 as SMTP port and choose STARTTLS for SMTP.</source>
        <translation>[詳細] タブで SMTP のポート番号に %1 を入力し、SMTP の暗号化に STARTTLS を選びます。</translation>
    </message>
    <message>
        <source>Tick SMTP authentication, enter User ID %1 and the password shown above, and allow PLAIN or LOGIN.</source>
        <translation>[SMTP 認証] にチェックを入れ、[ユーザー ID] に %1、パスワードに上に表示されているパスワードを入力し、認証方式は PLAIN または LOGIN を有効にします。</translation>
    </message>
    <message>
        <source>Click OK. If Becky! warns about the certificate, check that it was issued to localhost by SendGuard and accept it.</source>
        <translation>[OK] をクリックします。証明書についての警告が表示された場合は、SendGuard が localhost に発行した証明書であることを確認してから受け入れます。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>SendGuard — set up your mail program</source>
        <translation>SendGuard — メールソフトの設定</translation>
    </message>
    <message>
        <source>SendGuard checks every message before it leaves this computer. For that, your mail program sends to SendGuard instead of directly to the mail server: change the outgoing (SMTP) server of your mail account to these values. Receiving mail (POP or IMAP) stays as it is.</source>
        <translation>SendGuard は、メールがこのコンピューターから送信される前にすべて確認します。そのため、メールソフトはメールサーバーに直接ではなく SendGuard に送信します。メールアカウントの送信 (SMTP) サーバーを次の値に変更してください。受信 (POP または IMAP) の設定はそのままで構いません。</translation>
    </message>
    <message>
        <source>Welcome to SendGuard.</source>
        <translation>SendGuard へようこそ。</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>サーバー:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート番号:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Connection security:</source>
        <translation>接続の保護:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>ユーザー名:</translation>
    </message>
    <message>
        <source>not available: %1</source>
        <translation>表示できません: %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>認証方式:</translation>
    </message>
    <message>
        <source>normal password (PLAIN or LOGIN)</source>
        <translation>通常のパスワード認証 (PLAIN または LOGIN)</translation>
    </message>
    <message>
        <source>SendGuard on this computer does not offer STARTTLS: where the steps say STARTTLS, choose no encryption (None).</source>
        <translation>このコンピューターの SendGuard は STARTTLS を使用しない設定です。手順で STARTTLS とある箇所では、暗号化なし (なし) を選んでください。</translation>
    </message>
    <message>
        <source>SendGuard on this computer does not ask mail programs to log in: where the steps mention a user name and password, choose no authentication.</source>
        <translation>このコンピューターの SendGuard はメールソフトにログインを求めない設定です。手順でユーザー名とパスワードとある箇所では、認証なしを選んでください。</translation>
    </message>
    <message>
        <source>Apple Mail</source>
        <translation>Apple メール</translation>
    </message>
    <message>
        <source>The names of menus and fields can differ a little between versions. You can open this page again from the SendGuard icon: Set up your mail program…</source>
        <translation>メニューや項目の名前はバージョンによって多少異なる場合があります。このページは、SendGuard のアイコンの [メールソフトの設定...] からいつでも開けます。</translation>
    </message>
    <message>
        <source>Mail server &amp;settings…</source>
        <translation>送信サーバーの設定(&amp;S)...</translation>
    </message>
    <message>
        <source>Enter the mail server SendGuard passes your messages on to.</source>
        <translation>SendGuard がメールを転送する送信サーバーを設定します。</translation>
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
    <message>
        <source>no encryption method can be used for every recipient</source>
        <translation>すべての宛先に使える暗号化方式がありません</translation>
    </message>
    <message>
        <source>encryption is not available</source>
        <translation>暗号化を利用できません</translation>
    </message>
    <message>
        <source>not sent: encryption failed: %1</source>
        <translation>送信していません: 暗号化に失敗しました: %1</translation>
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
    <message numerus="yes">
        <source>Removed by you before sending (%n), not sent to:</source>
        <translation>
            <numerusform>送信前に削除した宛先（%n 件、送信されません）:</numerusform>
        </translation>
    </message>
    <message>
        <source>Text (start):</source>
        <translation>本文（冒頭）:</translation>
    </message>
</context>
<context>
    <name>sendguard::SettingsWindow</name>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>SendGuard — Settings</source>
        <translation>SendGuard — 設定</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>送信サーバー</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>このコンピューター</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>今すぐ再起動(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>The mail server SendGuard passes your messages on to, once they are checked. Your IT department can tell you these values.</source>
        <translation>確認が済んだメールを SendGuard が転送する送信サーバーです。設定する値は情報システム部門にお問い合わせください。</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>サーバー(&amp;V):</translation>
    </message>
    <message>
        <source>for example smtp.example.co.jp (empty: demo mode, nothing leaves)</source>
        <translation>例: smtp.example.co.jp (空欄: デモモード、メールは外部に送信されません)</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>ポート番号(&amp;P):</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>接続の保護(&amp;E):</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (通常はポート 587)</translation>
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation>接続時から TLS (通常はポート 465)</translation>
    </message>
    <message>
        <source>None: not encrypted</source>
        <translation>なし: 暗号化しない</translation>
    </message>
    <message>
        <source>Chec&amp;k the server&apos;s certificate (recommended)</source>
        <translation>サーバーの証明書を検証する (推奨)(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)...</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>CA ファイル(&amp;A):</translation>
    </message>
    <message>
        <source>only if your organisation has its own certificate authority</source>
        <translation>組織独自の認証局を使用している場合のみ</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>認証局</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>証明書 (*.pem *.crt *.cer *.der);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>empty: SendGuard does not log in</source>
        <translation>空欄: SendGuard はログインしません</translation>
    </message>
    <message>
        <source>reading the keychain…</source>
        <translation>キーチェーンを読み込んでいます...</translation>
    </message>
    <message>
        <source>Kept in the keychain of your computer, never in the configuration file.</source>
        <translation>パスワードはこのコンピューターのキーチェーンに保存され、設定ファイルには書き込まれません。</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Connects to the server with the values above, logs in if a user name is set, and hangs up. No mail is sent.</source>
        <translation>上の値でサーバーに接続し、ユーザー名が設定されていればログインしてから切断します。メールは送信されません。</translation>
    </message>
    <message>
        <source>Test the connection to see whether SendGuard can reach and log in to the server.</source>
        <translation>接続テストを行うと、SendGuard がサーバーに接続してログインできるかどうかを確認できます。</translation>
    </message>
    <message>
        <source>Your mail program sends to SendGuard on this computer (server 127.0.0.1) with these values.</source>
        <translation>メールソフトは、次の値でこのコンピューター上の SendGuard (サーバー 127.0.0.1) に送信します。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>ユーザー名:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Set up your &amp;mail program…</source>
        <translation>メールソフトの設定(&amp;M)...</translation>
    </message>
    <message>
        <source>One domain per line, for example example.co.jp; its subdomains are included. Japanese domain names may be written either way.</source>
        <translation>1 行に 1 つずつドメインを入力します (例: example.co.jp)。サブドメインも含まれます。日本語ドメイン名は日本語でも xn-- 形式でも入力できます。</translation>
    </message>
    <message>
        <source>&amp;Internal domains:</source>
        <translation>社内ドメイン(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Trusted domains:</source>
        <translation>信頼するドメイン(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Blocked domains:</source>
        <translation>送信禁止ドメイン(&amp;B):</translation>
    </message>
    <message>
        <source>Internal: your own organisation. Trusted: external, but never flagged as first-time or look-alike. Blocked: mail to them is refused.</source>
        <translation>社内: 自組織のドメインです。信頼する: 社外ですが、初めての宛先や類似ドメインとして警告しません。送信禁止: このドメイン宛てのメールは送信を拒否します。</translation>
    </message>
    <message>
        <source>Con&amp;firm before sending:</source>
        <translation>送信前の確認(&amp;K):</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>常に確認する</translation>
    </message>
    <message>
        <source>When a recipient is external or something looks unusual</source>
        <translation>社外の宛先がある場合や気になる点がある場合</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>確認しない</translation>
    </message>
    <message>
        <source>Wait for the &amp;answer:</source>
        <translation>応答の待ち時間(&amp;A):</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>When nobody ans&amp;wers:</source>
        <translation>応答がない場合(&amp;N):</translation>
    </message>
    <message>
        <source>Keep the message until I decide</source>
        <translation>判断するまでメールを保留する</translation>
    </message>
    <message>
        <source>Give it back to the mail program, which tries again later</source>
        <translation>メールソフトに差し戻し、後で再送させる</translation>
    </message>
    <message>
        <source>&amp;Hold each message for:</source>
        <translation>送信前の保留時間(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Many recipients from:</source>
        <translation>一斉送信とみなす宛先数(&amp;M):</translation>
    </message>
    <message>
        <source> addresses</source>
        <translation> 件以上</translation>
    </message>
    <message>
        <source>Move to &amp;Bcc:</source>
        <translation>Bcc への移動(&amp;B):</translation>
    </message>
    <message>
        <source>External recipients, when there are many</source>
        <translation>宛先が多い場合、社外の宛先を移動</translation>
    </message>
    <message>
        <source>All recipients but the sender, when there are many</source>
        <translation>宛先が多い場合、差出人以外のすべての宛先を移動</translation>
    </message>
    <message>
        <source>Managed by your organisation</source>
        <translation>組織によって管理されています</translation>
    </message>
    <message>
        <source>Set by your organisation (%1). Ask your IT department to change it.</source>
        <translation>組織によって設定されています (%1)。変更するには情報システム部門にご相談ください。</translation>
    </message>
    <message>
        <source>The configuration file %1 cannot be read: %2.</source>
        <translation>設定ファイル %1 を読み込めません: %2。</translation>
    </message>
    <message>
        <source>The configuration file %1 is not valid JSON (%2).</source>
        <translation>設定ファイル %1 は正しい JSON ではありません (%2)。</translation>
    </message>
    <message>
        <source>the top level must be an object</source>
        <translation>最上位はオブジェクトである必要があります</translation>
    </message>
    <message>
        <source>Correct or remove the file; until then these settings cannot be saved.</source>
        <translation>ファイルを修正するか削除してください。それまでは、ここで設定を保存できません。</translation>
    </message>
    <message>
        <source>The current settings have problems; correct them before saving.</source>
        <translation>現在の設定に問題があります。保存する前に修正してください。</translation>
    </message>
    <message>
        <source>Mail programs do not log in to SendGuard on this computer (listen.auth is &quot;none&quot;): leave the user name and password empty in your mail program.</source>
        <translation>このコンピューターの SendGuard にはメールソフトからログインしません (listen.auth が &quot;none&quot;)。メールソフトのユーザー名とパスワードは空欄のままにしてください。</translation>
    </message>
    <message>
        <source>Your organisation&apos;s settings (%1) have a problem; ask your IT department to correct it: %2</source>
        <translation>組織の設定 (%1) に問題があります。情報システム部門に修正を依頼してください: %2</translation>
    </message>
    <message>
        <source>Not saved. Please correct:</source>
        <translation>保存されていません。次の点を修正してください:</translation>
    </message>
    <message>
        <source>Not saved: the configuration file %1 was changed by another program while this window was open. Close the window and open the settings again to see the new values.</source>
        <translation>保存されていません: このウィンドウを開いている間に、設定ファイル %1 が別のプログラムによって変更されました。ウィンドウを閉じ、設定を開き直して新しい値を確認してください。</translation>
    </message>
    <message>
        <source>Nothing to save: the settings are unchanged.</source>
        <translation>設定は変更されていないため、保存するものはありません。</translation>
    </message>
    <message>
        <source>Not saved: the password could not be stored in the keychain (%1).</source>
        <translation>保存されていません: パスワードをキーチェーンに保存できませんでした (%1)。</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace it</source>
        <translation>キーチェーンに保存済み。入力すると置き換えます</translation>
    </message>
    <message>
        <source>Not saved: %1 cannot be written (%2).</source>
        <translation>保存されていません: %1 に書き込めません (%2)。</translation>
    </message>
    <message>
        <source>Saved. SendGuard uses the new settings after it is restarted.</source>
        <translation>保存しました。新しい設定は SendGuard の再起動後に適用されます。</translation>
    </message>
    <message>
        <source>cannot be read from the keychain</source>
        <translation>キーチェーンから読み込めません</translation>
    </message>
    <message>
        <source>not created yet; it is made when SendGuard starts</source>
        <translation>まだ作成されていません。SendGuard の起動時に作成されます</translation>
    </message>
    <message>
        <source>the keychain cannot be used</source>
        <translation>キーチェーンを使用できません</translation>
    </message>
    <message>
        <source>none stored</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>Connecting to %1 port %2…</source>
        <translation>%1 のポート %2 に接続しています...</translation>
    </message>
    <message>
        <source>SendGuard can encrypt outgoing mail with the recipients&apos; S/MIME certificates or OpenPGP keys.</source>
        <translation>SendGuard は、宛先の S/MIME 証明書または OpenPGP 鍵を使って送信メールを暗号化できます。</translation>
    </message>
    <message>
        <source>&amp;Encrypt:</source>
        <translation>暗号化の対象(&amp;E):</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>暗号化しない</translation>
    </message>
    <message>
        <source>The attachments (the text stays readable)</source>
        <translation>添付ファイル (本文はそのまま読めます)</translation>
    </message>
    <message>
        <source>The whole message</source>
        <translation>メール全体</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方式(&amp;M):</translation>
    </message>
    <message>
        <source>Whichever every recipient has a key for (S/MIME first)</source>
        <translation>すべての宛先の鍵がそろっている方式 (S/MIME を優先)</translation>
    </message>
    <message>
        <source>Re&amp;quired for:</source>
        <translation>暗号化を必須にする(&amp;Q):</translation>
    </message>
    <message>
        <source>Nothing: encrypt when possible</source>
        <translation>必須にしない: 可能な場合に暗号化</translation>
    </message>
    <message>
        <source>Messages with attachments to external recipients</source>
        <translation>社外宛ての添付ファイル付きメール</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>すべてのメール</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照...</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>フォルダーの選択</translation>
    </message>
    <message>
        <source>S/M&amp;IME certificates:</source>
        <translation>S/MIME 証明書(&amp;I):</translation>
    </message>
    <message>
        <source>folder with the recipients&apos; certificates (.pem, .crt, .cer, .der)</source>
        <translation>宛先の証明書 (.pem, .crt, .cer, .der) を置いたフォルダー</translation>
    </message>
    <message>
        <source>&amp;GnuPG folder:</source>
        <translation>GnuPG フォルダー(&amp;G):</translation>
    </message>
    <message>
        <source>empty: GnuPG&apos;s own (~/.gnupg)</source>
        <translation>空欄: GnuPG の標準フォルダー (~/.gnupg)</translation>
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
    <message>
        <source>cannot read the temporary file %1: %2</source>
        <translation>一時ファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>cannot write the temporary file %1: %2</source>
        <translation>一時ファイル %1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>cannot create a temporary file in %1: %2</source>
        <translation>%1 に一時ファイルを作成できません: %2</translation>
    </message>
    <message>
        <source>OpenSSL produced an unexpected CMS structure</source>
        <translation>OpenSSL が想定外の CMS 構造を出力しました</translation>
    </message>
    <message>
        <source>the input changed while it was being encrypted (%1 bytes expected, %2 read)</source>
        <translation>暗号化の途中で入力が変更されました（%1 バイトのはずが %2 バイト読み込まれました）</translation>
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
    <message>
        <source>the encrypted form of message %1 is incomplete; it will be encrypted again</source>
        <translation>メッセージ %1 の暗号化済みファイルが不完全です。もう一度暗号化します</translation>
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
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)...</translation>
    </message>
    <message>
        <source>Set up your &amp;mail program…</source>
        <translation>メールソフトの設定(&amp;M)...</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>監査ログ(&amp;A)...</translation>
    </message>
    <message>
        <source>SendGuard — audit log</source>
        <translation>SendGuard — 監査ログ</translation>
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
<context>
    <name>sendguard::UpstreamTester</name>
    <message>
        <source>an older TLS version</source>
        <translation>古いバージョンの TLS</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 のポート %2</translation>
    </message>
    <message>
        <source>No server is set, so there is nothing to test. Without a server SendGuard keeps the messages it would send in its demo outbox.</source>
        <translation>送信サーバーが設定されていないため、テストするものはありません。送信サーバーがない場合、SendGuard は送信するメールをデモ用の送信箱に保存します。</translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate (PEM or DER), so the test was not run.</source>
        <translation>CA ファイル %1 に証明書 (PEM または DER) が含まれていないため、テストを実行しませんでした。</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>%1 に接続しました。</translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation>%1 が接続を切断しました。</translation>
    </message>
    <message>
        <source>%1 sent an over-long reply line.</source>
        <translation>%1 から長すぎる応答行が返されました。</translation>
    </message>
    <message>
        <source>%1 does not speak SMTP; it sent: %2</source>
        <translation>%1 は SMTP サーバーではないようです。受信した内容: %2</translation>
    </message>
    <message>
        <source>%1 sent an over-long reply.</source>
        <translation>%1 から長すぎる応答が返されました。</translation>
    </message>
    <message>
        <source>The connection is encrypted with %1.</source>
        <translation>接続は %1 で暗号化されています。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is trusted: its chain up to a trusted certificate authority was verified (issued by %1).</source>
        <translation>サーバーの証明書は信頼できます。信頼できる認証局までの証明書チェーンを検証しました (発行者: %1)。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is NOT trusted: %1.</source>
        <translation>サーバーの証明書は信頼できません: %1。</translation>
    </message>
    <message>
        <source>If your organisation uses its own certificate authority, choose its certificate as CA file.</source>
        <translation>組織独自の認証局を使用している場合は、その証明書を CA ファイルに指定してください。</translation>
    </message>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>証明書は %1 に有効期限が切れています。</translation>
    </message>
    <message>
        <source>The certificate is not valid before %1.</source>
        <translation>証明書は %1 まで有効になりません。</translation>
    </message>
    <message>
        <source>The certificate is valid until %1.</source>
        <translation>証明書の有効期限は %1 です。</translation>
    </message>
    <message>
        <source>The certificate matches the server name %1.</source>
        <translation>証明書はサーバー名 %1 と一致しています。</translation>
    </message>
    <message>
        <source>The certificate does NOT match the server name %1; it was issued for %2.</source>
        <translation>証明書はサーバー名 %1 と一致しません。この証明書の発行先は %2 です。</translation>
    </message>
    <message>
        <source>Checking the certificate is turned off, so SendGuard would still send through this server; anyone in between could read the mail. Turn the check on again as soon as the certificate is fixed.</source>
        <translation>証明書の検証がオフになっているため、SendGuard はこのサーバー経由で送信します。ただし、通信経路上の第三者にメールを読まれるおそれがあります。証明書の問題が解決したら、すぐに検証をオンに戻してください。</translation>
    </message>
    <message>
        <source>%1 refused the connection: %2</source>
        <translation>%1 が接続を拒否しました: %2</translation>
    </message>
    <message>
        <source>%1 refused EHLO: %2</source>
        <translation>%1 が EHLO を拒否しました: %2</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS, and SendGuard never sends in plain text when the security is STARTTLS. Ask IT which port and security to use.</source>
        <translation>%1 は STARTTLS に対応していません。接続の保護が STARTTLS の場合、SendGuard は暗号化せずに送信することはありません。使用するポート番号と接続の保護について、情報システム部門にお問い合わせください。</translation>
    </message>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation>%1 が STARTTLS を拒否しました: %2</translation>
    </message>
    <message>
        <source>The connection is NOT encrypted (the security is set to &quot;none&quot;): the mail crosses the network readable by anyone in between.</source>
        <translation>接続は暗号化されていません (接続の保護が「なし」)。メールは通信経路上の第三者が読める状態で送られます。</translation>
    </message>
    <message>
        <source>No user name is set, so SendGuard sends without logging in.</source>
        <translation>ユーザー名が設定されていないため、SendGuard はログインせずに送信します。</translation>
    </message>
    <message>
        <source>The password was not sent, because the connection is not encrypted.</source>
        <translation>接続が暗号化されていないため、パスワードは送信しませんでした。</translation>
    </message>
    <message>
        <source>The password was not sent, because the server&apos;s certificate failed the checks above; the login was not tried.</source>
        <translation>サーバーの証明書が上記の確認に合格しなかったため、パスワードは送信せず、ログインも試していません。</translation>
    </message>
    <message>
        <source>No password is stored for %1, so the login was not tried.</source>
        <translation>%1 のパスワードが保存されていないため、ログインを試していません。</translation>
    </message>
    <message>
        <source>The server offers no login method SendGuard supports (it offers %1).</source>
        <translation>サーバーは SendGuard が対応しているログイン方式に対応していません (サーバーの方式: %1)。</translation>
    </message>
    <message>
        <source>Logged in as %1.</source>
        <translation>%1 としてログインしました。</translation>
    </message>
    <message>
        <source>The server refused the login as %1: %2</source>
        <translation>サーバーが %1 としてのログインを拒否しました: %2</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2.</source>
        <translation>%1 に接続できません: %2。</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2.</source>
        <translation>%1 との TLS ハンドシェイクに失敗しました: %2。</translation>
    </message>
    <message>
        <source>The connection to %1 broke: %2.</source>
        <translation>%1 との接続が切れました: %2。</translation>
    </message>
    <message numerus="yes">
        <source>Cannot connect to %1: no answer within %n second(s).</source>
        <translation>
            <numerusform>%1 に接続できません: %n 秒以内に応答がありませんでした。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The TLS handshake with %1 did not finish within %n second(s).</source>
        <translation>
            <numerusform>%1 との TLS ハンドシェイクが %n 秒以内に完了しませんでした。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>%1 から %n 秒以内に応答がありませんでした。</numerusform>
        </translation>
    </message>
    <message>
        <source>SendGuard can send mail through this server with these settings.</source>
        <translation>この設定で、SendGuard はこのサーバー経由でメールを送信できます。</translation>
    </message>
    <message>
        <source>SendGuard cannot send mail through this server with these settings yet.</source>
        <translation>この設定では、SendGuard はまだこのサーバー経由でメールを送信できません。</translation>
    </message>
</context>
</TS>
