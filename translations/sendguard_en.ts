<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditKey</name>
    <message>
        <source>the audit key file %1 does not exist</source>
        <translation>the audit key file %1 does not exist</translation>
    </message>
    <message>
        <source>cannot read the audit key file %1: %2</source>
        <translation>cannot read the audit key file %1: %2</translation>
    </message>
    <message>
        <source>the audit key file %1 is too short (at least 16 bytes are needed)</source>
        <translation>the audit key file %1 is too short (at least 16 bytes are needed)</translation>
    </message>
</context>
<context>
    <name>AuditReader</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation>Message ID</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>cannot read the file: %1</source>
        <translation>cannot read the file: %1</translation>
    </message>
    <message>
        <source>not a valid audit line (damaged or cut off)</source>
        <translation>not a valid audit line (damaged or cut off)</translation>
    </message>
    <message>
        <source>the line is cut off (incomplete, no line end)</source>
        <translation>the line is cut off (incomplete, no line end)</translation>
    </message>
    <message>
        <source>the line has no seq/prev: it was added, or its chain fields were removed</source>
        <translation>the line has no seq/prev: it was added, or its chain fields were removed</translation>
    </message>
    <message>
        <source>the line has no MAC although earlier lines have one: it was replaced or added</source>
        <translation>the line has no MAC although earlier lines have one: it was replaced or added</translation>
    </message>
    <message>
        <source>the trail starts at seq %1: the %2 line(s) before it were removed (or older files deleted)</source>
        <translation>the trail starts at seq %1: the %2 line(s) before it were removed (or older files deleted)</translation>
    </message>
    <message>
        <source>seq 1 follows a line that is no longer there: the beginning of the trail was removed</source>
        <translation>seq 1 follows a line that is no longer there: the beginning of the trail was removed</translation>
    </message>
    <message>
        <source>seq %1 appears again (first at %2): a line was copied or inserted</source>
        <translation>seq %1 appears again (first at %2): a line was copied or inserted</translation>
    </message>
    <message>
        <source>seq %1 comes after seq %2: lines were moved out of order</source>
        <translation>seq %1 comes after seq %2: lines were moved out of order</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed before this line (missing seq %1; the line before is %2)</source>
        <translation>
            <numerusform>%n line removed before this line (missing seq %1; the line before is %2)</numerusform>
            <numerusform>%n lines removed before this line (missing seq %1; the line before is %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>the file %1 named by this rotation record is missing</source>
        <translation>the file %1 named by this rotation record is missing</translation>
    </message>
    <message>
        <source>The lines carry MACs, but no key was available to check them (set SENDGUARD_AUDIT_KEY_FILE or install %1).</source>
        <translation>The lines carry MACs, but no key was available to check them (set SENDGUARD_AUDIT_KEY_FILE or install %1).</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) at the beginning were written before the chain was introduced and are not protected by it.</source>
        <translation>
            <numerusform>%n line at the beginning was written before the chain was introduced and is not protected by it.</numerusform>
            <numerusform>%n lines at the beginning were written before the chain was introduced and are not protected by it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were written before the audit key was installed and carry no MAC.</source>
        <translation>
            <numerusform>%n line was written before the audit key was installed and carries no MAC.</numerusform>
            <numerusform>%n lines were written before the audit key was installed and carry no MAC.</numerusform>
        </translation>
    </message>
    <message>
        <source>audit-head.json is damaged or was changed</source>
        <translation>audit-head.json is damaged or was changed</translation>
    </message>
    <message>
        <source>audit-head.json was changed: its MAC does not match</source>
        <translation>audit-head.json was changed: its MAC does not match</translation>
    </message>
    <message>
        <source>the beginning (no chained line)</source>
        <translation>the beginning (no chained line)</translation>
    </message>
    <message numerus="yes">
        <source>the trail ends at seq %1 (%2) but seq %3 was written: %n line(s) at the end were removed</source>
        <translation>
            <numerusform>the trail ends at seq %1 (%2) but seq %3 was written: %n line at the end was removed</numerusform>
            <numerusform>the trail ends at seq %1 (%2) but seq %3 was written: %n lines at the end were removed</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no audit-head.json: the removal of the last lines cannot be detected.</source>
        <translation>There is no audit-head.json: the removal of the last lines cannot be detected.</translation>
    </message>
    <message>
        <source>its MAC does not match: the line was changed (or written with another key)</source>
        <translation>its MAC does not match: the line was changed (or written with another key)</translation>
    </message>
    <message>
        <source>the line differs from what seq 1 (%1) recorded for it</source>
        <translation>the line differs from what seq 1 (%1) recorded for it</translation>
    </message>
    <message>
        <source>the line differs from what the next line (seq %1, %2) recorded for it</source>
        <translation>the line differs from what the next line (seq %1, %2) recorded for it</translation>
    </message>
    <message>
        <source>the line differs from what audit-head.json recorded for it</source>
        <translation>the line differs from what audit-head.json recorded for it</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>SendGuard command-line tools</source>
        <translation>SendGuard command-line tools</translation>
    </message>
    <message>
        <source>The data folder of the instance.</source>
        <translation>The data folder of the instance.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>The configuration file.</source>
        <translation>The configuration file.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Print JSON.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unknown command &quot;%1&quot;</translation>
    </message>
    <message>
        <source>usage: sendguard queue list [--json] | release ID | recall ID [--data-dir DIR]</source>
        <translation>usage: sendguard queue list [--json] | release ID | recall ID [--data-dir DIR]</translation>
    </message>
    <message>
        <source>SendGuard is not running for the data folder %1</source>
        <translation>SendGuard is not running for the data folder %1</translation>
    </message>
    <message>
        <source>cannot talk to SendGuard: %1</source>
        <translation>cannot talk to SendGuard: %1</translation>
    </message>
    <message>
        <source>released %1</source>
        <translation>released %1</translation>
    </message>
    <message>
        <source>recalled %1</source>
        <translation>recalled %1</translation>
    </message>
    <message>
        <source>The queue is empty.</source>
        <translation>The queue is empty.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>RELEASE / NEXT TRY</source>
        <translation>RELEASE / NEXT TRY</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>SUBJECT</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>last error:</source>
        <translation>last error:</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>no password on standard input</translation>
    </message>
    <message>
        <source>The local SMTP password is stored in the keychain. Restart SendGuard to use it.</source>
        <translation>The local SMTP password is stored in the keychain. Restart SendGuard to use it.</translation>
    </message>
    <message>
        <source>The upstream password is stored in the keychain. Restart SendGuard to use it.</source>
        <translation>The upstream password is stored in the keychain. Restart SendGuard to use it.</translation>
    </message>
    <message>
        <source>no local password yet: start SendGuard once, or set one with &quot;sendguard credentials set local&quot;</source>
        <translation>no local password yet: start SendGuard once, or set one with &quot;sendguard credentials set local&quot;</translation>
    </message>
    <message>
        <source>usage: sendguard credentials set local|upstream  (password on standard input)
       sendguard credentials show local</source>
        <translation>usage: sendguard credentials set local|upstream  (password on standard input)
       sendguard credentials show local</translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation>%1: valid</translation>
    </message>
    <message>
        <source>audit export: write CSV for spreadsheets (the default).</source>
        <translation>audit export: write CSV for spreadsheets (the default).</translation>
    </message>
    <message>
        <source>audit export: from this day on (YYYY-MM-DD, local time).</source>
        <translation>audit export: from this day on (YYYY-MM-DD, local time).</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>audit export: up to this day (YYYY-MM-DD, local time).</source>
        <translation>audit export: up to this day (YYYY-MM-DD, local time).</translation>
    </message>
    <message>
        <source>audit export: write to FILE instead of standard output.</source>
        <translation>audit export: write to FILE instead of standard output.</translation>
    </message>
    <message>
        <source>check: the domain your mail is sent from (for SPF and DMARC).</source>
        <translation>check: the domain your mail is sent from (for SPF and DMARC).</translation>
    </message>
    <message>
        <source>DOMAIN</source>
        <translation>DOMAIN</translation>
    </message>
    <message>
        <source>check: ask this DNS server (ADDRESS or ADDRESS:PORT) instead of the system&apos;s.</source>
        <translation>check: ask this DNS server (ADDRESS or ADDRESS:PORT) instead of the system&apos;s.</translation>
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
        <translation>usage: sendguard check [--json] [--config FILE] [--sender-domain DOMAIN] [--dns-server ADDRESS[:PORT]]</translation>
    </message>
    <message>
        <source>--dns-server: &quot;%1&quot; is not ADDRESS or ADDRESS:PORT</source>
        <translation>--dns-server: &quot;%1&quot; is not ADDRESS or ADDRESS:PORT</translation>
    </message>
    <message>
        <source>--dns-server: this build (Qt %1) can only ask DNS servers on port 53; run the server on port 53 of another loopback address, such as 127.0.0.53</source>
        <translation>--dns-server: this build (Qt %1) can only ask DNS servers on port 53; run the server on port 53 of another loopback address, such as 127.0.0.53</translation>
    </message>
    <message>
        <source>usage: sendguard audit verify [--json] [--data-dir DIR]
       sendguard audit export --csv [--from DATE] [--to DATE] [--output FILE] [--data-dir DIR]</source>
        <translation>usage: sendguard audit verify [--json] [--data-dir DIR]
       sendguard audit export --csv [--from DATE] [--to DATE] [--output FILE] [--data-dir DIR]</translation>
    </message>
    <message>
        <source>there is no data folder %1</source>
        <translation>there is no data folder %1</translation>
    </message>
    <message>
        <source>warning: %1; MACs are not checked</source>
        <translation>warning: %1; MACs are not checked</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>note: %1</translation>
    </message>
    <message>
        <source>There is no audit log in %1 yet.</source>
        <translation>There is no audit log in %1 yet.</translation>
    </message>
    <message>
        <source>MACs checked with %1</source>
        <translation>MACs checked with %1</translation>
    </message>
    <message>
        <source>no MAC key, MACs not checked</source>
        <translation>no MAC key, MACs not checked</translation>
    </message>
    <message>
        <source>The audit trail is intact: %1 file(s), %2 line(s), seq %3 to %4; %5.</source>
        <translation>The audit trail is intact: %1 file(s), %2 line(s), seq %3 to %4; %5.</translation>
    </message>
    <message>
        <source>Last line: seq %1, SHA-256 %2</source>
        <translation>Last line: seq %1, SHA-256 %2</translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is BROKEN: %n problem(s) in %1 file(s), %2 line(s); %3.</source>
        <translation>
            <numerusform>The audit trail is BROKEN: %n problem in %1 file(s), %2 line(s); %3.</numerusform>
            <numerusform>The audit trail is BROKEN: %n problems in %1 file(s), %2 line(s); %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a date (YYYY-MM-DD)</source>
        <translation>--%1: &quot;%2&quot; is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>--from is after --to</source>
        <translation>--from is after --to</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to %1</source>
        <translation>
            <numerusform>%n event written to %1</numerusform>
            <numerusform>%n events written to %1</numerusform>
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
        <translation>a boolean</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>a string</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>an array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>an object</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefined</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>expected a string, found %1</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>expected true or false, found %1</translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation>expected a whole number, found %1</translation>
    </message>
    <message>
        <source>must be between %1 and %2, found %3</source>
        <translation>must be between %1 and %2, found %3</translation>
    </message>
    <message>
        <source>expected one of %1, found %2</source>
        <translation>expected one of %1, found %2</translation>
    </message>
    <message>
        <source>expected one of %1, found &quot;%2&quot;</source>
        <translation>expected one of %1, found &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name</source>
        <translation>&quot;%1&quot; is not a domain name</translation>
    </message>
    <message>
        <source>expected an array of domain names, found %1</source>
        <translation>expected an array of domain names, found %1</translation>
    </message>
    <message>
        <source>expected an array of domain names, found %1 in it</source>
        <translation>expected an array of domain names, found %1 in it</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>&quot;%1&quot; is not an IP address</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a loopback address; SendGuard only listens on this computer</source>
        <translation>&quot;%1&quot; is not a loopback address; SendGuard only listens on this computer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name</source>
        <translation>&quot;%1&quot; is not a host name</translation>
    </message>
    <message>
        <source>file &quot;%1&quot; does not exist</source>
        <translation>file &quot;%1&quot; does not exist</translation>
    </message>
    <message>
        <source>not valid JSON at line %1, column %2: %3</source>
        <translation>not valid JSON at line %1, column %2: %3</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>the top level must be a JSON object</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>expected an object, found %1</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unknown key</translation>
    </message>
    <message>
        <source>must not be smaller than relay.retry_initial_seconds</source>
        <translation>must not be smaller than relay.retry_initial_seconds</translation>
    </message>
    <message>
        <source>refusing to send a password without TLS; set upstream.security to &quot;starttls&quot; or &quot;tls&quot;</source>
        <translation>refusing to send a password without TLS; set upstream.security to &quot;starttls&quot; or &quot;tls&quot;</translation>
    </message>
    <message>
        <source>file does not exist</source>
        <translation>file does not exist</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>cannot be read: %1</translation>
    </message>
    <message>
        <source>is larger than 1 MB; this is not a SendGuard configuration</source>
        <translation>is larger than 1 MB; this is not a SendGuard configuration</translation>
    </message>
    <message>
        <source>expected an array of rules, found %1</source>
        <translation>expected an array of rules, found %1</translation>
    </message>
    <message>
        <source>rule %1: expected an object with &quot;pattern&quot;, &quot;where&quot; and &quot;action&quot;</source>
        <translation>rule %1: expected an object with &quot;pattern&quot;, &quot;where&quot; and &quot;action&quot;</translation>
    </message>
    <message>
        <source>rule %1: unknown key &quot;%2&quot;</source>
        <translation>rule %1: unknown key &quot;%2&quot;</translation>
    </message>
    <message>
        <source>rule %1: &quot;pattern&quot; must be a non-empty string</source>
        <translation>rule %1: &quot;pattern&quot; must be a non-empty string</translation>
    </message>
    <message>
        <source>rule %1: the pattern is not a valid regular expression: %2</source>
        <translation>rule %1: the pattern is not a valid regular expression: %2</translation>
    </message>
    <message>
        <source>rule %1: &quot;where&quot; must be &quot;subject&quot;, &quot;body&quot; or &quot;attachment-name&quot;</source>
        <translation>rule %1: &quot;where&quot; must be &quot;subject&quot;, &quot;body&quot; or &quot;attachment-name&quot;</translation>
    </message>
    <message>
        <source>rule %1: &quot;action&quot; must be &quot;warn&quot; or &quot;block&quot;</source>
        <translation>rule %1: &quot;action&quot; must be &quot;warn&quot; or &quot;block&quot;</translation>
    </message>
    <message>
        <source>unknown section (expected listen, upstream, relay, policy, encryption or ui)</source>
        <translation>unknown section (expected listen, upstream, relay, policy, encryption or ui)</translation>
    </message>
    <message>
        <source>encryption cannot be required while encryption.mode is &quot;off&quot;; set it to &quot;attachments&quot; or &quot;message&quot;</source>
        <translation>encryption cannot be required while encryption.mode is &quot;off&quot;; set it to &quot;attachments&quot; or &quot;message&quot;</translation>
    </message>
    <message>
        <source>a folder with the recipients&apos; certificates is needed for encryption.method &quot;smime&quot;</source>
        <translation>a folder with the recipients&apos; certificates is needed for encryption.method &quot;smime&quot;</translation>
    </message>
</context>
<context>
    <name>ControlClient</name>
    <message>
        <source>no answer from SendGuard: %1</source>
        <translation>no answer from SendGuard: %1</translation>
    </message>
    <message>
        <source>answer too large</source>
        <translation>answer too large</translation>
    </message>
    <message>
        <source>unreadable answer from SendGuard</source>
        <translation>unreadable answer from SendGuard</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>the keychain did not answer within %1 seconds</source>
        <translation>the keychain did not answer within %1 seconds</translation>
    </message>
    <message>
        <source>cannot read from the keychain: %1</source>
        <translation>cannot read from the keychain: %1</translation>
    </message>
    <message>
        <source>cannot write to the keychain: %1</source>
        <translation>cannot write to the keychain: %1</translation>
    </message>
</context>
<context>
    <name>DurableFile</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>cannot open %1: %2</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk: %2</source>
        <translation>cannot sync %1 to disk: %2</translation>
    </message>
    <message>
        <source>syncfs is not available</source>
        <translation>syncfs is not available</translation>
    </message>
    <message>
        <source>cannot sync to disk: %1</source>
        <translation>cannot sync to disk: %1</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2: %3</source>
        <translation>cannot rename %1 to %2: %3</translation>
    </message>
    <message>
        <source>cannot open %1 (error %2)</source>
        <translation>cannot open %1 (error %2)</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk (error %2)</source>
        <translation>cannot sync %1 to disk (error %2)</translation>
    </message>
    <message>
        <source>cannot sync to disk</source>
        <translation>cannot sync to disk</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2 (error %3)</source>
        <translation>cannot rename %1 to %2 (error %3)</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>cannot create %1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>EncryptionPlugins</name>
    <message>
        <source>%1: not a Qt plugin (%2)</source>
        <translation>%1: not a Qt plugin (%2)</translation>
    </message>
    <message>
        <source>%1: a plugin for %2, not for %3</source>
        <translation>%1: a plugin for %2, not for %3</translation>
    </message>
    <message>
        <source>%1: cannot be loaded: %2</source>
        <translation>%1: cannot be loaded: %2</translation>
    </message>
    <message>
        <source>no folder</source>
        <translation>no folder</translation>
    </message>
    <message>
        <source>no encryption plugin &quot;%1&quot; was found (searched: %2)</source>
        <translation>no encryption plugin &quot;%1&quot; was found (searched: %2)</translation>
    </message>
</context>
<context>
    <name>MachinePolicy</name>
    <message>
        <source>cannot be read: %1</source>
        <translation>cannot be read: %1</translation>
    </message>
    <message>
        <source>not a valid JSON object: %1</source>
        <translation>not a valid JSON object: %1</translation>
    </message>
</context>
<context>
    <name>MessageEncryptor</name>
    <message>
        <source>SendGuard is stopping</source>
        <translation>SendGuard is stopping</translation>
    </message>
    <message>
        <source>the attachment cannot be read from the spool</source>
        <translation>the attachment cannot be read from the spool</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>cannot create %1: %2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>no encryption back end</source>
        <translation>no encryption back end</translation>
    </message>
    <message>
        <source>no recipients to encrypt to</source>
        <translation>no recipients to encrypt to</translation>
    </message>
    <message>
        <source>unknown encryption mode &quot;%1&quot;</source>
        <translation>unknown encryption mode &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the message cannot be parsed as MIME</source>
        <translation>the message cannot be parsed as MIME</translation>
    </message>
    <message>
        <source>the message has no content to encrypt</source>
        <translation>the message has no content to encrypt</translation>
    </message>
    <message>
        <source>the message has more than %1 parts or is nested deeper than %2 levels; it cannot be encrypted attachment by attachment</source>
        <translation>the message has more than %1 parts or is nested deeper than %2 levels; it cannot be encrypted attachment by attachment</translation>
    </message>
    <message>
        <source>the message has no attachment to encrypt</source>
        <translation>the message has no attachment to encrypt</translation>
    </message>
    <message>
        <source>the attached message &quot;%1&quot; is empty</source>
        <translation>the attached message &quot;%1&quot; is empty</translation>
    </message>
    <message>
        <source>attachment &quot;%1&quot;: %2</source>
        <translation>attachment &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>OutboundReader</name>
    <message>
        <source>cannot read the spooled message %1: %2</source>
        <translation>cannot read the spooled message %1: %2</translation>
    </message>
</context>
<context>
    <name>RecipientHistory</name>
    <message>
        <source>cannot open the recipient history %1: %2</source>
        <translation>cannot open the recipient history %1: %2</translation>
    </message>
    <message>
        <source>cannot prepare the recipient history %1: %2</source>
        <translation>cannot prepare the recipient history %1: %2</translation>
    </message>
    <message>
        <source>cannot read the recipient history %1: %2</source>
        <translation>cannot read the recipient history %1: %2</translation>
    </message>
</context>
<context>
    <name>SecurityCheck</name>
    <message>
        <source>Cannot reach the mail server %1: %2</source>
        <translation>Cannot reach the mail server %1: %2</translation>
    </message>
    <message>
        <source>Check upstream.host and upstream.port, and whether a firewall blocks the connection.</source>
        <translation>Check upstream.host and upstream.port, and whether a firewall blocks the connection.</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS: SendGuard refuses to send to it in plain text, so no mail leaves.</source>
        <translation>%1 does not offer STARTTLS: SendGuard refuses to send to it in plain text, so no mail leaves.</translation>
    </message>
    <message>
        <source>Ask your provider for the encrypted submission port (587 with STARTTLS, or 465 with &quot;security&quot;: &quot;tls&quot;).</source>
        <translation>Ask your provider for the encrypted submission port (587 with STARTTLS, or 465 with &quot;security&quot;: &quot;tls&quot;).</translation>
    </message>
    <message>
        <source>%1 offers no encryption at all: mail and passwords cross the network readable by anyone on the way.</source>
        <translation>%1 offers no encryption at all: mail and passwords cross the network readable by anyone on the way.</translation>
    </message>
    <message>
        <source>Use a mail server that offers STARTTLS or TLS.</source>
        <translation>Use a mail server that offers STARTTLS or TLS.</translation>
    </message>
    <message>
        <source>%1 offers STARTTLS but refused it: %2</source>
        <translation>%1 offers STARTTLS but refused it: %2</translation>
    </message>
    <message>
        <source>Ask your mail provider to fix STARTTLS.</source>
        <translation>Ask your mail provider to fix STARTTLS.</translation>
    </message>
    <message>
        <source>%1 offers STARTTLS, but the configuration does not use it.</source>
        <translation>%1 offers STARTTLS, but the configuration does not use it.</translation>
    </message>
    <message>
        <source>Set upstream.security to &quot;starttls&quot;.</source>
        <translation>Set upstream.security to &quot;starttls&quot;.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2</source>
        <translation>The TLS handshake with %1 failed: %2</translation>
    </message>
    <message>
        <source>The server may only offer TLS versions older than 1.2, which SendGuard does not use. Ask your mail provider.</source>
        <translation>The server may only offer TLS versions older than 1.2, which SendGuard does not use. Ask your mail provider.</translation>
    </message>
    <message>
        <source>The conversation with %1 ended early: %2</source>
        <translation>The conversation with %1 ended early: %2</translation>
    </message>
    <message>
        <source>%1 encrypts the connection (%2, %3).</source>
        <translation>%1 encrypts the connection (%2, %3).</translation>
    </message>
    <message>
        <source>SendGuard refuses to send to it.</source>
        <translation>SendGuard refuses to send to it.</translation>
    </message>
    <message>
        <source>SendGuard sends anyway, because upstream.verify_certificate is false.</source>
        <translation>SendGuard sends anyway, because upstream.verify_certificate is false.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (%2). %3</source>
        <translation>The certificate of %1 is not trusted (%2). %3</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>self-signed</translation>
    </message>
    <message>
        <source>unknown issuer</source>
        <translation>unknown issuer</translation>
    </message>
    <message>
        <source>If your organisation runs its own certificate authority, name its certificate in upstream.ca_file; otherwise ask your mail provider.</source>
        <translation>If your organisation runs its own certificate authority, name its certificate in upstream.ca_file; otherwise ask your mail provider.</translation>
    </message>
    <message>
        <source>The certificate of %1 is made out for another name. %2</source>
        <translation>The certificate of %1 is made out for another name. %2</translation>
    </message>
    <message>
        <source>Use the host name written in the certificate as upstream.host.</source>
        <translation>Use the host name written in the certificate as upstream.host.</translation>
    </message>
    <message>
        <source>The certificate of %1 expired on %2. %3</source>
        <translation>The certificate of %1 expired on %2. %3</translation>
    </message>
    <message>
        <source>Ask your mail provider to renew it.</source>
        <translation>Ask your mail provider to renew it.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid yet. %2</source>
        <translation>The certificate of %1 is not valid yet. %2</translation>
    </message>
    <message>
        <source>Check the clock of this computer.</source>
        <translation>Check the clock of this computer.</translation>
    </message>
    <message numerus="yes">
        <source>The certificate of %1 expires in %n day(s).</source>
        <translation>
            <numerusform>The certificate of %1 expires in %n day.</numerusform>
            <numerusform>The certificate of %1 expires in %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask your mail provider to renew it in time.</source>
        <translation>Ask your mail provider to renew it in time.</translation>
    </message>
    <message>
        <source>The certificate of %1 is valid for this name, issued by %2, until %3.</source>
        <translation>The certificate of %1 is valid for this name, issued by %2, until %3.</translation>
    </message>
    <message>
        <source>No mail server is configured: the built-in demo upstream keeps every message on this computer.</source>
        <translation>No mail server is configured: the built-in demo upstream keeps every message on this computer.</translation>
    </message>
    <message>
        <source>Set upstream.host to your mail server to send real mail.</source>
        <translation>Set upstream.host to your mail server to send real mail.</translation>
    </message>
    <message>
        <source>upstream.security is &quot;none&quot;: mail (and the password, if one is used) goes to %1 in plain text.</source>
        <translation>upstream.security is &quot;none&quot;: mail (and the password, if one is used) goes to %1 in plain text.</translation>
    </message>
    <message>
        <source>Set upstream.security to &quot;starttls&quot; (usually port 587) or &quot;tls&quot; (usually port 465).</source>
        <translation>Set upstream.security to &quot;starttls&quot; (usually port 587) or &quot;tls&quot; (usually port 465).</translation>
    </message>
    <message>
        <source>upstream.verify_certificate is false: anyone between this computer and %1 can pose as the server and read the mail and the password.</source>
        <translation>upstream.verify_certificate is false: anyone between this computer and %1 can pose as the server and read the mail and the password.</translation>
    </message>
    <message>
        <source>Set upstream.verify_certificate to true; for a private certificate authority, name its certificate in upstream.ca_file.</source>
        <translation>Set upstream.verify_certificate to true; for a private certificate authority, name its certificate in upstream.ca_file.</translation>
    </message>
    <message>
        <source>listen.auth is &quot;none&quot;: any program on this computer can send mail through SendGuard without a password.</source>
        <translation>listen.auth is &quot;none&quot;: any program on this computer can send mail through SendGuard without a password.</translation>
    </message>
    <message>
        <source>Set listen.auth to &quot;required&quot; unless this computer has a single user.</source>
        <translation>Set listen.auth to &quot;required&quot; unless this computer has a single user.</translation>
    </message>
    <message>
        <source>listen.starttls is false: your mail program talks to SendGuard in plain text (on this computer only).</source>
        <translation>listen.starttls is false: your mail program talks to SendGuard in plain text (on this computer only).</translation>
    </message>
    <message>
        <source>Set listen.starttls to true and turn on STARTTLS in the mail program.</source>
        <translation>Set listen.starttls to true and turn on STARTTLS in the mail program.</translation>
    </message>
    <message>
        <source>The configuration allows no plain-text connection.</source>
        <translation>The configuration allows no plain-text connection.</translation>
    </message>
    <message numerus="yes">
        <source>no answer from DNS within %n second(s)</source>
        <translation>
            <numerusform>no answer from DNS within %n second</numerusform>
            <numerusform>no answer from DNS within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>The SPF record of %1 could not be looked up: %2</source>
        <translation>The SPF record of %1 could not be looked up: %2</translation>
    </message>
    <message>
        <source>Check the DNS settings of this computer, then run the check again.</source>
        <translation>Check the DNS settings of this computer, then run the check again.</translation>
    </message>
    <message>
        <source>&quot;v=spf1 include:YOUR-PROVIDER -all&quot;</source>
        <translation>&quot;v=spf1 include:YOUR-PROVIDER -all&quot;</translation>
    </message>
    <message>
        <source>%1 does not exist in DNS, so it has no SPF record.</source>
        <translation>%1 does not exist in DNS, so it has no SPF record.</translation>
    </message>
    <message>
        <source>%1 has no SPF record: receiving servers cannot tell which servers may send mail for it, so your mail may be treated as spam and others can pretend to be you.</source>
        <translation>%1 has no SPF record: receiving servers cannot tell which servers may send mail for it, so your mail may be treated as spam and others can pretend to be you.</translation>
    </message>
    <message>
        <source>Publish a TXT record on %1 such as %2; your mail provider tells you what to include.</source>
        <translation>Publish a TXT record on %1 such as %2; your mail provider tells you what to include.</translation>
    </message>
    <message>
        <source>%1 has %2 SPF records; receiving servers treat that as an error and ignore SPF.</source>
        <translation>%1 has %2 SPF records; receiving servers treat that as an error and ignore SPF.</translation>
    </message>
    <message>
        <source>Merge them into one record.</source>
        <translation>Merge them into one record.</translation>
    </message>
    <message>
        <source>The SPF record of %1 ends with &quot;+all&quot;: it allows every server in the world to send mail as %1.</source>
        <translation>The SPF record of %1 ends with &quot;+all&quot;: it allows every server in the world to send mail as %1.</translation>
    </message>
    <message>
        <source>List the servers that send your mail and end the record with &quot;-all&quot;.</source>
        <translation>List the servers that send your mail and end the record with &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>The SPF record of %1 ends with &quot;?all&quot;: it says nothing about servers it does not list, so forged mail is not stopped.</source>
        <translation>The SPF record of %1 ends with &quot;?all&quot;: it says nothing about servers it does not list, so forged mail is not stopped.</translation>
    </message>
    <message>
        <source>End the record with &quot;-all&quot; once every server that sends for %1 is listed.</source>
        <translation>End the record with &quot;-all&quot; once every server that sends for %1 is listed.</translation>
    </message>
    <message>
        <source>The SPF record of %1 ends with &quot;~all&quot; (soft fail): mail from other servers is only marked as suspicious, not refused.</source>
        <translation>The SPF record of %1 ends with &quot;~all&quot; (soft fail): mail from other servers is only marked as suspicious, not refused.</translation>
    </message>
    <message>
        <source>Change &quot;~all&quot; to &quot;-all&quot; once every server that sends for %1 is listed.</source>
        <translation>Change &quot;~all&quot; to &quot;-all&quot; once every server that sends for %1 is listed.</translation>
    </message>
    <message>
        <source>%1 has an SPF record that refuses other servers (&quot;-all&quot;).</source>
        <translation>%1 has an SPF record that refuses other servers (&quot;-all&quot;).</translation>
    </message>
    <message>
        <source>The SPF record of %1 refers to %2 (not checked further).</source>
        <translation>The SPF record of %1 refers to %2 (not checked further).</translation>
    </message>
    <message>
        <source>The SPF record of %1 does not end with &quot;-all&quot;: servers it does not list are treated as neutral.</source>
        <translation>The SPF record of %1 does not end with &quot;-all&quot;: servers it does not list are treated as neutral.</translation>
    </message>
    <message>
        <source>End the record with &quot;-all&quot;.</source>
        <translation>End the record with &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>The DMARC record of %1 could not be looked up: %2</source>
        <translation>The DMARC record of %1 could not be looked up: %2</translation>
    </message>
    <message>
        <source>%1 has no DMARC record (%2): receiving servers are not told what to do with mail that pretends to come from %1, and you get no reports about it.</source>
        <translation>%1 has no DMARC record (%2): receiving servers are not told what to do with mail that pretends to come from %1, and you get no reports about it.</translation>
    </message>
    <message>
        <source>Publish a TXT record on %1 such as &quot;v=DMARC1; p=none; rua=mailto:dmarc-reports@%2&quot;, read the reports, then tighten it to p=quarantine and p=reject.</source>
        <translation>Publish a TXT record on %1 such as &quot;v=DMARC1; p=none; rua=mailto:dmarc-reports@%2&quot;, read the reports, then tighten it to p=quarantine and p=reject.</translation>
    </message>
    <message>
        <source>%1 has %2 DMARC records; receiving servers then ignore DMARC.</source>
        <translation>%1 has %2 DMARC records; receiving servers then ignore DMARC.</translation>
    </message>
    <message>
        <source>Keep exactly one record.</source>
        <translation>Keep exactly one record.</translation>
    </message>
    <message>
        <source>The DMARC record of %1 has no valid policy (p=none, quarantine or reject), so receiving servers ignore it.</source>
        <translation>The DMARC record of %1 has no valid policy (p=none, quarantine or reject), so receiving servers ignore it.</translation>
    </message>
    <message>
        <source>Add &quot;p=quarantine&quot; or &quot;p=reject&quot; right after &quot;v=DMARC1;&quot;.</source>
        <translation>Add &quot;p=quarantine&quot; or &quot;p=reject&quot; right after &quot;v=DMARC1;&quot;.</translation>
    </message>
    <message>
        <source>The DMARC policy of %1 is &quot;p=none&quot;: receiving servers only watch; mail that pretends to come from %1 is still delivered.</source>
        <translation>The DMARC policy of %1 is &quot;p=none&quot;: receiving servers only watch; mail that pretends to come from %1 is still delivered.</translation>
    </message>
    <message>
        <source>Once the reports show that all your own mail passes, change it to &quot;p=quarantine&quot; and then &quot;p=reject&quot;.</source>
        <translation>Once the reports show that all your own mail passes, change it to &quot;p=quarantine&quot; and then &quot;p=reject&quot;.</translation>
    </message>
    <message>
        <source>The DMARC policy of %1 applies to only %2% of failing mail (pct=%2).</source>
        <translation>The DMARC policy of %1 applies to only %2% of failing mail (pct=%2).</translation>
    </message>
    <message>
        <source>Remove pct= (or set pct=100) once you are confident.</source>
        <translation>Remove pct= (or set pct=100) once you are confident.</translation>
    </message>
    <message>
        <source>The DMARC record of %1 has no &quot;rua=&quot; address: you receive no reports about who sends mail in your name.</source>
        <translation>The DMARC record of %1 has no &quot;rua=&quot; address: you receive no reports about who sends mail in your name.</translation>
    </message>
    <message>
        <source>Add &quot;rua=mailto:dmarc-reports@%1&quot; (or the address of a report service).</source>
        <translation>Add &quot;rua=mailto:dmarc-reports@%1&quot; (or the address of a report service).</translation>
    </message>
    <message>
        <source>%1 has a DMARC record with policy &quot;%2&quot; and reports to %3.</source>
        <translation>%1 has a DMARC record with policy &quot;%2&quot; and reports to %3.</translation>
    </message>
    <message>
        <source>upstream.ca_file %1 holds no certificate that can be read.</source>
        <translation>upstream.ca_file %1 holds no certificate that can be read.</translation>
    </message>
    <message>
        <source>Name a PEM or DER file with the certificate authority&apos;s certificate.</source>
        <translation>Name a PEM or DER file with the certificate authority&apos;s certificate.</translation>
    </message>
    <message>
        <source>No sender domain is known, so SPF and DMARC were not checked.</source>
        <translation>No sender domain is known, so SPF and DMARC were not checked.</translation>
    </message>
    <message>
        <source>Name it with --sender-domain, or set upstream.username to your mail address.</source>
        <translation>Name it with --sender-domain, or set upstream.username to your mail address.</translation>
    </message>
    <message>
        <source>SendGuard security check</source>
        <translation>SendGuard security check</translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation>Configuration: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>NOTE</source>
        <translation>NOTE</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>PROBLEM</translation>
    </message>
    <message>
        <source>Everything checked is in order.</source>
        <translation>Everything checked is in order.</translation>
    </message>
    <message>
        <source>%1 problem(s) and %2 warning(s) found.</source>
        <translation>%1 problem(s) and %2 warning(s) found.</translation>
    </message>
    <message>
        <source>the DNS server did not answer</source>
        <translation>the DNS server did not answer</translation>
    </message>
</context>
<context>
    <name>TlsIdentity</name>
    <message>
        <source>OpenSSL could not create a key</source>
        <translation>OpenSSL could not create a key</translation>
    </message>
    <message>
        <source>OpenSSL could not create a random serial number</source>
        <translation>OpenSSL could not create a random serial number</translation>
    </message>
    <message>
        <source>OpenSSL could not sign the certificate</source>
        <translation>OpenSSL could not sign the certificate</translation>
    </message>
    <message>
        <source>OpenSSL could not encode the certificate</source>
        <translation>OpenSSL could not encode the certificate</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>cannot create the folder %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
    <message>
        <source>cannot read the local TLS certificate in %1</source>
        <translation>cannot read the local TLS certificate in %1</translation>
    </message>
    <message>
        <source>the local TLS certificate in %1 is damaged; delete the folder to make a new one</source>
        <translation>the local TLS certificate in %1 is damaged; delete the folder to make a new one</translation>
    </message>
</context>
<context>
    <name>UpstreamProbe</name>
    <message>
        <source>the server refused the connection: %1</source>
        <translation>the server refused the connection: %1</translation>
    </message>
    <message>
        <source>the server refused EHLO: %1</source>
        <translation>the server refused EHLO: %1</translation>
    </message>
    <message>
        <source>the server sent an over-long line</source>
        <translation>the server sent an over-long line</translation>
    </message>
    <message>
        <source>the server sent a malformed reply: %1</source>
        <translation>the server sent a malformed reply: %1</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>the TLS handshake failed: %1</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>the server closed the connection</translation>
    </message>
    <message numerus="yes">
        <source>could not connect within %n second(s)</source>
        <translation>
            <numerusform>could not connect within %n second</numerusform>
            <numerusform>could not connect within %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no TLS handshake within %n second(s)</source>
        <translation>
            <numerusform>no TLS handshake within %n second</numerusform>
            <numerusform>no TLS handshake within %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the server did not answer within %n second(s)</source>
        <translation>
            <numerusform>the server did not answer within %n second</numerusform>
            <numerusform>the server did not answer within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>the check of the server took too long</source>
        <translation>the check of the server took too long</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read the configuration from FILE.</source>
        <translation>Read the configuration from FILE.</translation>
    </message>
    <message>
        <source>Keep the queue, audit log and keys in DIR.</source>
        <translation>Keep the queue, audit log and keys in DIR.</translation>
    </message>
    <message>
        <source>Run without a window or tray icon.</source>
        <translation>Run without a window or tray icon.</translation>
    </message>
    <message>
        <source>Approve every confirmation automatically (recorded in the audit log).</source>
        <translation>Approve every confirmation automatically (recorded in the audit log).</translation>
    </message>
    <message>
        <source>Deliver into DATA/demo-outbox/ instead of the upstream server.</source>
        <translation>Deliver into DATA/demo-outbox/ instead of the upstream server.</translation>
    </message>
    <message>
        <source>User interface language (ja or en).</source>
        <translation>User interface language (ja or en).</translation>
    </message>
    <message>
        <source>SendGuard did not start because the configuration is invalid.</source>
        <translation>SendGuard did not start because the configuration is invalid.</translation>
    </message>
    <message>
        <source>SendGuard could not start: %1</source>
        <translation>SendGuard could not start: %1</translation>
    </message>
    <message>
        <source>SendGuard: relaying to %1</source>
        <translation>SendGuard: relaying to %1</translation>
    </message>
    <message>
        <source>SendGuard: --auto-confirm is on: messages are approved without asking</source>
        <translation>SendGuard: --auto-confirm is on: messages are approved without asking</translation>
    </message>
    <message>
        <source>Try &quot;sendguard --help&quot;.</source>
        <translation>Try &quot;sendguard --help&quot;.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; try &quot;sendguard --help&quot;</source>
        <translation>unknown command &quot;%1&quot;; try &quot;sendguard --help&quot;</translation>
    </message>
    <message>
        <source>SendGuard is already running; its window was opened.</source>
        <translation>SendGuard is already running; its window was opened.</translation>
    </message>
    <message>
        <source>SendGuard: set by your organisation (%1): %2</source>
        <translation>SendGuard: set by your organisation (%1): %2</translation>
    </message>
    <message>
        <source>SendGuard checks, holds and protects the mail you send.
Sub-commands: queue list [--json] | queue release ID | queue recall ID | credentials set local|upstream | credentials show local | check-config | check [--json] | audit verify | audit export --csv</source>
        <translation>SendGuard checks, holds and protects the mail you send.
Sub-commands: queue list [--json] | queue release ID | queue recall ID | credentials set local|upstream | credentials show local | check-config | check [--json] | audit verify | audit export --csv</translation>
    </message>
</context>
<context>
    <name>sendguard::AuditLog</name>
    <message>
        <source>cannot open the audit log %1: %2</source>
        <translation>cannot open the audit log %1: %2</translation>
    </message>
</context>
<context>
    <name>sendguard::AuditViewer</name>
    <message>
        <source>Search subject, address, ID or detail</source>
        <translation>Search subject, address, ID or detail</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Refused or cancelled</source>
        <translation>Refused or cancelled</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>Recalled</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Moved to Bcc</source>
        <translation>Moved to Bcc</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Encrypted</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Event:</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>F&amp;rom:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>The audit log cannot be read completely: %1</source>
        <translation>The audit log cannot be read completely: %1</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n event(s) are shown; narrow the search or export the log (sendguard audit export --csv) to see all.</source>
        <translation>
            <numerusform>The newest %n event is shown; narrow the search or export the log (sendguard audit export --csv) to see all.</numerusform>
            <numerusform>The newest %n events are shown; narrow the search or export the log (sendguard audit export --csv) to see all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sendguard::ConfirmDialog</name>
    <message>
        <source>SendGuard — confirm sending</source>
        <translation>SendGuard — confirm sending</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message numerus="yes">
        <source>Recipients (%n):</source>
        <translation>
            <numerusform>Recipient (%n):</numerusform>
            <numerusform>Recipients (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Many recipients can see each other&apos;s addresses.</source>
        <translation>Many recipients can see each other&apos;s addresses.</translation>
    </message>
    <message numerus="yes">
        <source>Many recipients: %n external address(es) will be moved to Bcc.</source>
        <translation>
            <numerusform>Many recipients: %n external address will be moved to Bcc.</numerusform>
            <numerusform>Many recipients: %n external addresses will be moved to Bcc.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recipients from %1 different outside companies will see each other&apos;s addresses (%2).</source>
        <translation>Recipients from %1 different outside companies will see each other&apos;s addresses (%2).</translation>
    </message>
    <message>
        <source>%1 looks like %2 but is a different domain.</source>
        <translation>%1 looks like %2 but is a different domain.</translation>
    </message>
    <message>
        <source>You have never sent mail to some of these recipients before.</source>
        <translation>You have never sent mail to some of these recipients before.</translation>
    </message>
    <message>
        <source>The %1 matches the rule &quot;%2&quot;.</source>
        <translation>The %1 matches the rule &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>subject</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>name of an attachment</source>
        <translation>name of an attachment</translation>
    </message>
    <message>
        <source>The From address differs from the sending account.</source>
        <translation>The From address differs from the sending account.</translation>
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
        <translation>(no name)</translation>
    </message>
    <message>
        <source>Check the recipients and attachments before this message leaves your computer.</source>
        <translation>Check the recipients and attachments before this message leaves your computer.</translation>
    </message>
    <message>
        <source>Please check:</source>
        <translation>Please check:</translation>
    </message>
    <message>
        <source>looks like %1 — check the spelling</source>
        <translation>looks like %1 — check the spelling</translation>
    </message>
    <message>
        <source>first time</source>
        <translation>first time</translation>
    </message>
    <message>
        <source>blocked domain</source>
        <translation>blocked domain</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>trusted</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message numerus="yes">
        <source>External — %1 (%n)</source>
        <translation>
            <numerusform>External — %1 (%n)</numerusform>
            <numerusform>External — %1 (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Internal (%n)</source>
        <translation>
            <numerusform>Internal (%n)</numerusform>
            <numerusform>Internal (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) will be moved from To/Cc to Bcc, so that the recipients do not see each other&apos;s addresses. Everyone still receives the message.</source>
        <translation>
            <numerusform>%n address will be moved from To/Cc to Bcc, so that the recipients do not see each other&apos;s addresses. Everyone still receives the message.</numerusform>
            <numerusform>%n addresses will be moved from To/Cc to Bcc, so that the recipients do not see each other&apos;s addresses. Everyone still receives the message.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep all addresses visible this time (everyone sees everyone)</source>
        <translation>&amp;Keep all addresses visible this time (everyone sees everyone)</translation>
    </message>
    <message numerus="yes">
        <source>Attachments (%n):</source>
        <translation>
            <numerusform>Attachment (%n):</numerusform>
            <numerusform>Attachments (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>already encrypted (%1)</source>
        <translation>already encrypted (%1)</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>not encrypted</translation>
    </message>
    <message>
        <source>&amp;Tick all</source>
        <translation>&amp;Tick all</translation>
    </message>
    <message>
        <source>Everything is ticked. Send when you are sure.</source>
        <translation>Everything is ticked. Send when you are sure.</translation>
    </message>
    <message numerus="yes">
        <source>Tick each external recipient and each attachment to confirm it (%n left).</source>
        <translation>
            <numerusform>Tick each external recipient and each attachment to confirm it (%n left).</numerusform>
            <numerusform>Tick each external recipient and each attachment to confirm it (%n left).</numerusform>
        </translation>
    </message>
    <message>
        <source>Your mail program could not wait any longer and was told that the message was accepted. It waits in SendGuard and is not sent until you click Send. Cancel keeps it in the queue as recalled, where you can save it.</source>
        <translation>Your mail program could not wait any longer and was told that the message was accepted. It waits in SendGuard and is not sent until you click Send. Cancel keeps it in the queue as recalled, where you can save it.</translation>
    </message>
    <message>
        <source>Your mail program could not wait any longer and was told to try again later: the message was not sent and is still in your mail program. Close this window and send it again when you are ready.</source>
        <translation>Your mail program could not wait any longer and was told to try again later: the message was not sent and is still in your mail program. Close this window and send it again when you are ready.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>found (%1)</source>
        <translation>found (%1)</translation>
    </message>
    <message>
        <source>none: %1</source>
        <translation>none: %1</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Encryption: the whole message will be encrypted with %1; only the sender, the recipients, the date and the subject stay readable.</source>
        <translation>Encryption: the whole message will be encrypted with %1; only the sender, the recipients, the date and the subject stay readable.</translation>
    </message>
    <message>
        <source>Your own key (%1) is included, so you can read what you sent.</source>
        <translation>Your own key (%1) is included, so you can read what you sent.</translation>
    </message>
    <message>
        <source>No key of your own was found for %1: you will not be able to read what you sent.</source>
        <translation>No key of your own was found for %1: you will not be able to read what you sent.</translation>
    </message>
    <message>
        <source>It is only sent unencrypted if you choose so below.</source>
        <translation>It is only sent unencrypted if you choose so below.</translation>
    </message>
    <message>
        <source>It will not be sent unencrypted; cancel it.</source>
        <translation>It will not be sent unencrypted; cancel it.</translation>
    </message>
    <message>
        <source>Encryption: there is no attachment, so nothing is encrypted.</source>
        <translation>Encryption: there is no attachment, so nothing is encrypted.</translation>
    </message>
    <message>
        <source>Encryption: this message will NOT be encrypted, because not every recipient has a key (see the Key column). Encryption is not required for it.</source>
        <translation>Encryption: this message will NOT be encrypted, because not every recipient has a key (see the Key column). Encryption is not required for it.</translation>
    </message>
    <message>
        <source>Send &amp;without encryption (allowed by your organisation; recorded in the audit log)</source>
        <translation>Send &amp;without encryption (allowed by your organisation; recorded in the audit log)</translation>
    </message>
    <message>
        <source>Send without encryption?</source>
        <translation>Send without encryption?</translation>
    </message>
    <message>
        <source>This message should be encrypted, but not every recipient has a usable key. Send it UNENCRYPTED anyway? This is recorded in the audit log.</source>
        <translation>This message should be encrypted, but not every recipient has a usable key. Send it UNENCRYPTED anyway? This is recorded in the audit log.</translation>
    </message>
    <message numerus="yes">
        <source>Encryption: %n attachment(s) will be encrypted with %1 and sent as encrypted files (%2); the text stays readable and says how to open them.</source>
        <translation>
            <numerusform>Encryption: %n attachment will be encrypted with %1 and sent as an encrypted file (%2); the text stays readable and says how to open it.</numerusform>
            <numerusform>Encryption: %n attachments will be encrypted with %1 and sent as encrypted files (%2); the text stays readable and says how to open them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Encryption is required for this message, but it cannot be encrypted (see the Key column): %1.</source>
        <translation>Encryption is required for this message, but it cannot be encrypted (see the Key column): %1.</translation>
    </message>
    <message>
        <source>This message cannot be encrypted as configured: %1.</source>
        <translation>This message cannot be encrypted as configured: %1.</translation>
    </message>
    <message>
        <source>will be encrypted (%1)</source>
        <translation>will be encrypted (%1)</translation>
    </message>
    <message>
        <source>The message is signed: it is encrypted as a whole instead of attachment by attachment, so that its signature stays valid.</source>
        <translation>The message is signed: it is encrypted as a whole instead of attachment by attachment, so that its signature stays valid.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Take %1 out of this message: it will not receive it. You can restore it until you send. (Del key on the selected line)</source>
        <translation>Take %1 out of this message: it will not receive it. You can restore it until you send. (Del key on the selected line)</translation>
    </message>
    <message>
        <source>removed: does not receive this message</source>
        <translation>removed: does not receive this message</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Put %1 back: it will receive this message again. (Del key on the selected line)</source>
        <translation>Put %1 back: it will receive this message again. (Del key on the selected line)</translation>
    </message>
    <message numerus="yes">
        <source>Recipients (%1 of %2; %n removed):</source>
        <translation>
            <numerusform>Recipients (%1 of %2; %n removed):</numerusform>
            <numerusform>Recipients (%1 of %2; %n removed):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Remove the recipients without a key (%n)</source>
        <translation>
            <numerusform>&amp;Remove the recipient without a key (%n)</numerusform>
            <numerusform>&amp;Remove the recipients without a key (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Restore the removed recipients (%n)</source>
        <translation>
            <numerusform>&amp;Restore the removed recipient (%n)</numerusform>
            <numerusform>&amp;Restore the removed recipients (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every recipient is removed, so there is nothing to send. Restore a recipient or cancel.</source>
        <translation>Every recipient is removed, so there is nothing to send. Restore a recipient or cancel.</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) removed: they will not receive this message, so send it to them another way. Everyone left has a key: the message will be encrypted with %1.</source>
        <translation>
            <numerusform>%n recipient removed: they will not receive this message, so send it to them another way. Everyone left has a key: the message will be encrypted with %1.</numerusform>
            <numerusform>%n recipients removed: they will not receive this message, so send it to them another way. Everyone left has a key: the message will be encrypted with %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) removed: they will not receive this message. Some recipients left still have no key, so it still cannot be encrypted.</source>
        <translation>
            <numerusform>%n recipient removed: they will not receive this message. Some recipients left still have no key, so it still cannot be encrypted.</numerusform>
            <numerusform>%n recipients removed: they will not receive this message. Some recipients left still have no key, so it still cannot be encrypted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) removed: they will not receive this message. The recipients left do not all have the same kind of key (S/MIME or OpenPGP), so it still cannot be encrypted.</source>
        <translation>
            <numerusform>%n recipient removed: they will not receive this message. The recipients left do not all have the same kind of key (S/MIME or OpenPGP), so it still cannot be encrypted.</numerusform>
            <numerusform>%n recipients removed: they will not receive this message. The recipients left do not all have the same kind of key (S/MIME or OpenPGP), so it still cannot be encrypted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Encryption is required for this message, but it cannot be encrypted: there is no usable key for %1 (see the Key column).</source>
        <translation>Encryption is required for this message, but it cannot be encrypted: there is no usable key for %1 (see the Key column).</translation>
    </message>
    <message>
        <source>This message cannot be encrypted as configured: there is no usable key for %1 (see the Key column).</source>
        <translation>This message cannot be encrypted as configured: there is no usable key for %1 (see the Key column).</translation>
    </message>
</context>
<context>
    <name>sendguard::ControlServer</name>
    <message>
        <source>cannot open the control socket %1: %2</source>
        <translation>cannot open the control socket %1: %2</translation>
    </message>
</context>
<context>
    <name>sendguard::DemoOutbox</name>
    <message>
        <source>demo upstream (messages are written to %1)</source>
        <translation>demo upstream (messages are written to %1)</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>cannot create %1</translation>
    </message>
</context>
<context>
    <name>sendguard::DialogGate</name>
    <message>
        <source>Message not sent</source>
        <translation>Message not sent</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not confirmed in time. Your mail program still has it; send it again when you are ready.</source>
        <translation>&quot;%1&quot; was not confirmed in time. Your mail program still has it; send it again when you are ready.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(no subject)</translation>
    </message>
</context>
<context>
    <name>sendguard::EncryptionService</name>
    <message>
        <source>%1 encryption cannot be used: %2</source>
        <translation>%1 encryption cannot be used: %2</translation>
    </message>
    <message>
        <source>%1: skipped %2</source>
        <translation>%1: skipped %2</translation>
    </message>
    <message>
        <source>no certificate folder is set (encryption.smime_certificates)</source>
        <translation>no certificate folder is set (encryption.smime_certificates)</translation>
    </message>
    <message>
        <source>%1; skipped as unreadable: %2</source>
        <translation>%1; skipped as unreadable: %2</translation>
    </message>
    <message>
        <source>no usable %1 key for %2</source>
        <translation>no usable %1 key for %2</translation>
    </message>
</context>
<context>
    <name>sendguard::FirstRunDialog</name>
    <message>
        <source>no password has been made yet</source>
        <translation>no password has been made yet</translation>
    </message>
    <message>
        <source>Open the menu ≡ and choose Account Settings.</source>
        <translation>Open the menu ≡ and choose Account Settings.</translation>
    </message>
    <message>
        <source>At the bottom of the list on the left, choose Outgoing Server (SMTP), then click Add….</source>
        <translation>At the bottom of the list on the left, choose Outgoing Server (SMTP), then click Add….</translation>
    </message>
    <message>
        <source>Enter Server Name %1, Port %2, Connection security STARTTLS, Authentication method Normal password and User Name %3. Click OK.</source>
        <translation>Enter Server Name %1, Port %2, Connection security STARTTLS, Authentication method Normal password and User Name %3. Click OK.</translation>
    </message>
    <message>
        <source>Select your mail account in the list on the left. Under Outgoing Server (SMTP), choose the server %1 you have just added.</source>
        <translation>Select your mail account in the list on the left. Under Outgoing Server (SMTP), choose the server %1 you have just added.</translation>
    </message>
    <message>
        <source>Send a test message. When Thunderbird asks for the password, enter the password shown above and tick &quot;Use Password Manager to remember this password&quot;.</source>
        <translation>Send a test message. When Thunderbird asks for the password, enter the password shown above and tick &quot;Use Password Manager to remember this password&quot;.</translation>
    </message>
    <message>
        <source>If Thunderbird says the certificate is not trusted, check that it was issued to localhost by SendGuard, then click Confirm Security Exception.</source>
        <translation>If Thunderbird says the certificate is not trusted, check that it was issued to localhost by SendGuard, then click Confirm Security Exception.</translation>
    </message>
    <message>
        <source>Choose File &gt; Account Settings &gt; Account Settings….</source>
        <translation>Choose File &gt; Account Settings &gt; Account Settings….</translation>
    </message>
    <message>
        <source>Select your e-mail account (POP or IMAP) and click Change….</source>
        <translation>Select your e-mail account (POP or IMAP) and click Change….</translation>
    </message>
    <message>
        <source>Under Outgoing mail server (SMTP), enter %1.</source>
        <translation>Under Outgoing mail server (SMTP), enter %1.</translation>
    </message>
    <message>
        <source>Click More Settings…. On the Outgoing Server tab, tick &quot;My outgoing server (SMTP) requires authentication&quot;, choose &quot;Log on using&quot;, enter User Name %1 and the password shown above, and tick Remember password.</source>
        <translation>Click More Settings…. On the Outgoing Server tab, tick &quot;My outgoing server (SMTP) requires authentication&quot;, choose &quot;Log on using&quot;, enter User Name %1 and the password shown above, and tick Remember password.</translation>
    </message>
    <message>
        <source>On the Advanced tab, enter %1 as Outgoing server (SMTP) port and choose STARTTLS as the type of encrypted connection. Click OK, then Next and Finish.</source>
        <translation>On the Advanced tab, enter %1 as Outgoing server (SMTP) port and choose STARTTLS as the type of encrypted connection. Click OK, then Next and Finish.</translation>
    </message>
    <message>
        <source>If Outlook warns that the certificate cannot be verified, check that it was issued to localhost by SendGuard and choose Yes.</source>
        <translation>If Outlook warns that the certificate cannot be verified, check that it was issued to localhost by SendGuard and choose Yes.</translation>
    </message>
    <message>
        <source>Exchange and Microsoft 365 accounts do not send through SMTP: SendGuard can only check the mail of POP and IMAP accounts.</source>
        <translation>Exchange and Microsoft 365 accounts do not send through SMTP: SendGuard can only check the mail of POP and IMAP accounts.</translation>
    </message>
    <message>
        <source>Choose Mail &gt; Settings (Preferences in older versions) and click Accounts.</source>
        <translation>Choose Mail &gt; Settings (Preferences in older versions) and click Accounts.</translation>
    </message>
    <message>
        <source>Select your account and click Server Settings.</source>
        <translation>Select your account and click Server Settings.</translation>
    </message>
    <message>
        <source>Under Outgoing Mail Server (SMTP), open the Account menu, choose Edit SMTP Server List… and click + to add a server.</source>
        <translation>Under Outgoing Mail Server (SMTP), open the Account menu, choose Edit SMTP Server List… and click + to add a server.</translation>
    </message>
    <message>
        <source>Enter Server Name %1. Untick &quot;Automatically manage connection settings&quot;, enter Port %2, tick &quot;Use TLS/SSL&quot;, choose Authentication Password and enter User Name %3 and the password shown above. Click OK, then Save.</source>
        <translation>Enter Server Name %1. Untick &quot;Automatically manage connection settings&quot;, enter Port %2, tick &quot;Use TLS/SSL&quot;, choose Authentication Password and enter User Name %3 and the password shown above. Click OK, then Save.</translation>
    </message>
    <message>
        <source>If Mail says it cannot verify the identity of the server, click Show Certificate, check that it was issued to localhost by SendGuard, tick Always trust and click Continue.</source>
        <translation>If Mail says it cannot verify the identity of the server, click Show Certificate, check that it was issued to localhost by SendGuard, tick Always trust and click Continue.</translation>
    </message>
    <message>
        <source>Choose Tools &gt; Mailbox Settings….</source>
        <translation>Choose Tools &gt; Mailbox Settings….</translation>
    </message>
    <message>
        <source>On the Basic Settings tab, enter %1 as SMTP server (outgoing).</source>
        <translation>On the Basic Settings tab, enter %1 as SMTP server (outgoing).</translation>
    </message>
    <message>
        <source>On the Advanced tab, enter %1 as SMTP port and choose STARTTLS for SMTP.</source>
        <translation>On the Advanced tab, enter %1 as SMTP port and choose STARTTLS for SMTP.</translation>
    </message>
    <message>
        <source>Tick SMTP authentication, enter User ID %1 and the password shown above, and allow PLAIN or LOGIN.</source>
        <translation>Tick SMTP authentication, enter User ID %1 and the password shown above, and allow PLAIN or LOGIN.</translation>
    </message>
    <message>
        <source>Click OK. If Becky! warns about the certificate, check that it was issued to localhost by SendGuard and accept it.</source>
        <translation>Click OK. If Becky! warns about the certificate, check that it was issued to localhost by SendGuard and accept it.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>SendGuard — set up your mail program</source>
        <translation>SendGuard — set up your mail program</translation>
    </message>
    <message>
        <source>SendGuard checks every message before it leaves this computer. For that, your mail program sends to SendGuard instead of directly to the mail server: change the outgoing (SMTP) server of your mail account to these values. Receiving mail (POP or IMAP) stays as it is.</source>
        <translation>SendGuard checks every message before it leaves this computer. For that, your mail program sends to SendGuard instead of directly to the mail server: change the outgoing (SMTP) server of your mail account to these values. Receiving mail (POP or IMAP) stays as it is.</translation>
    </message>
    <message>
        <source>Welcome to SendGuard.</source>
        <translation>Welcome to SendGuard.</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Connection security:</source>
        <translation>Connection security:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>not available: %1</source>
        <translation>not available: %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentication:</translation>
    </message>
    <message>
        <source>normal password (PLAIN or LOGIN)</source>
        <translation>normal password (PLAIN or LOGIN)</translation>
    </message>
    <message>
        <source>SendGuard on this computer does not offer STARTTLS: where the steps say STARTTLS, choose no encryption (None).</source>
        <translation>SendGuard on this computer does not offer STARTTLS: where the steps say STARTTLS, choose no encryption (None).</translation>
    </message>
    <message>
        <source>SendGuard on this computer does not ask mail programs to log in: where the steps mention a user name and password, choose no authentication.</source>
        <translation>SendGuard on this computer does not ask mail programs to log in: where the steps mention a user name and password, choose no authentication.</translation>
    </message>
    <message>
        <source>Apple Mail</source>
        <translation>Apple Mail</translation>
    </message>
    <message>
        <source>The names of menus and fields can differ a little between versions. You can open this page again from the SendGuard icon: Set up your mail program…</source>
        <translation>The names of menus and fields can differ a little between versions. You can open this page again from the SendGuard icon: Set up your mail program…</translation>
    </message>
    <message>
        <source>Mail server &amp;settings…</source>
        <translation>Mail server &amp;settings…</translation>
    </message>
    <message>
        <source>Enter the mail server SendGuard passes your messages on to.</source>
        <translation>Enter the mail server SendGuard passes your messages on to.</translation>
    </message>
</context>
<context>
    <name>sendguard::Guard</name>
    <message>
        <source>cannot create the data folder %1</source>
        <translation>cannot create the data folder %1</translation>
    </message>
    <message>
        <source>SendGuard is already running for the data folder %1 (process %2)</source>
        <translation>SendGuard is already running for the data folder %1 (process %2)</translation>
    </message>
    <message>
        <source>listen.auth is &quot;required&quot; but the keychain cannot be used (%1). Log in to a desktop session with a keyring, or set listen.auth to &quot;none&quot; on a single-user machine.</source>
        <translation>listen.auth is &quot;required&quot; but the keychain cannot be used (%1). Log in to a desktop session with a keyring, or set listen.auth to &quot;none&quot; on a single-user machine.</translation>
    </message>
    <message>
        <source>upstream.ca_file: %1 holds no certificate (PEM or DER)</source>
        <translation>upstream.ca_file: %1 holds no certificate (PEM or DER)</translation>
    </message>
    <message>
        <source>unknown request &quot;%1&quot;</source>
        <translation>unknown request &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>sendguard::MessageQueue</name>
    <message>
        <source>gave up after %1 attempts: %2</source>
        <translation>gave up after %1 attempts: %2</translation>
    </message>
    <message>
        <source>no message %1 in the queue</source>
        <translation>no message %1 in the queue</translation>
    </message>
    <message>
        <source>message %1 is being relayed right now</source>
        <translation>message %1 is being relayed right now</translation>
    </message>
    <message>
        <source>message %1 has already been sent</source>
        <translation>message %1 has already been sent</translation>
    </message>
    <message>
        <source>no message %1 in the queue (it may have been sent already)</source>
        <translation>no message %1 in the queue (it may have been sent already)</translation>
    </message>
    <message>
        <source>message %1 is being relayed right now and can no longer be recalled</source>
        <translation>message %1 is being relayed right now and can no longer be recalled</translation>
    </message>
    <message>
        <source>message %1 is no longer waiting for confirmation</source>
        <translation>message %1 is no longer waiting for confirmation</translation>
    </message>
    <message>
        <source>no encryption method can be used for every recipient</source>
        <translation>no encryption method can be used for every recipient</translation>
    </message>
    <message>
        <source>encryption is not available</source>
        <translation>encryption is not available</translation>
    </message>
    <message>
        <source>not sent: encryption failed: %1</source>
        <translation>not sent: encryption failed: %1</translation>
    </message>
</context>
<context>
    <name>sendguard::OpenPgpBackend</name>
    <message>
        <source>GPGME could not create an OpenPGP context</source>
        <translation>GPGME could not create an OpenPGP context</translation>
    </message>
    <message>
        <source>GPGME could not create an OpenPGP context: %1</source>
        <translation>GPGME could not create an OpenPGP context: %1</translation>
    </message>
    <message>
        <source>GPGME cannot use the GnuPG home folder %1: %2</source>
        <translation>GPGME cannot use the GnuPG home folder %1: %2</translation>
    </message>
    <message>
        <source>GnuPG (gpg) cannot be used: %1</source>
        <translation>GnuPG (gpg) cannot be used: %1</translation>
    </message>
    <message>
        <source>the GnuPG home folder %1 does not exist</source>
        <translation>the GnuPG home folder %1 does not exist</translation>
    </message>
    <message>
        <source>the GnuPG home %1 is not a folder</source>
        <translation>the GnuPG home %1 is not a folder</translation>
    </message>
    <message>
        <source>the default GnuPG home</source>
        <translation>the default GnuPG home</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>cannot run %1: %2</translation>
    </message>
    <message>
        <source>GnuPG did not finish listing the keyring in %1 within %2 seconds</source>
        <translation>GnuPG did not finish listing the keyring in %1 within %2 seconds</translation>
    </message>
    <message>
        <source>GnuPG cannot read the keyring in %1: %2</source>
        <translation>GnuPG cannot read the keyring in %1: %2</translation>
    </message>
    <message>
        <source>the OpenPGP back end is not configured</source>
        <translation>the OpenPGP back end is not configured</translation>
    </message>
    <message>
        <source>GnuPG could not list the keys: %1</source>
        <translation>GnuPG could not list the keys: %1</translation>
    </message>
    <message>
        <source>the key was revoked</source>
        <translation>the key was revoked</translation>
    </message>
    <message>
        <source>the key expired on %1</source>
        <translation>the key expired on %1</translation>
    </message>
    <message>
        <source>the key is disabled</source>
        <translation>the key is disabled</translation>
    </message>
    <message>
        <source>the key is invalid</source>
        <translation>the key is invalid</translation>
    </message>
    <message>
        <source>the user ID %1 was revoked</source>
        <translation>the user ID %1 was revoked</translation>
    </message>
    <message>
        <source>the user ID %1 is invalid</source>
        <translation>the user ID %1 is invalid</translation>
    </message>
    <message>
        <source>the keyring marks the user ID %1 as not valid</source>
        <translation>the keyring marks the user ID %1 as not valid</translation>
    </message>
    <message>
        <source>the key has no encryption subkey</source>
        <translation>the key has no encryption subkey</translation>
    </message>
    <message>
        <source>its encryption subkey was revoked</source>
        <translation>its encryption subkey was revoked</translation>
    </message>
    <message>
        <source>its encryption subkey expired on %1</source>
        <translation>its encryption subkey expired on %1</translation>
    </message>
    <message>
        <source>its encryption subkey is not usable</source>
        <translation>its encryption subkey is not usable</translation>
    </message>
    <message>
        <source>no OpenPGP key for this address in the keyring</source>
        <translation>no OpenPGP key for this address in the keyring</translation>
    </message>
    <message>
        <source>%1 (none of its %2 keys is usable)</source>
        <translation>%1 (none of its %2 keys is usable)</translation>
    </message>
    <message>
        <source>does not expire</source>
        <translation>does not expire</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>valid until %1</translation>
    </message>
    <message>
        <source>%1, key %2, %3</source>
        <translation>%1, key %2, %3</translation>
    </message>
    <message>
        <source>no recipients to encrypt to</source>
        <translation>no recipients to encrypt to</translation>
    </message>
    <message>
        <source>no usable OpenPGP key for %1</source>
        <translation>no usable OpenPGP key for %1</translation>
    </message>
    <message>
        <source>cannot read the message: %1</source>
        <translation>cannot read the message: %1</translation>
    </message>
    <message>
        <source>cannot write the encrypted output: %1</source>
        <translation>cannot write the encrypted output: %1</translation>
    </message>
    <message>
        <source>GnuPG could not encrypt: %1</source>
        <translation>GnuPG could not encrypt: %1</translation>
    </message>
</context>
<context>
    <name>sendguard::QueueWindow</name>
    <message>
        <source>SendGuard — queue</source>
        <translation>SendGuard — queue</translation>
    </message>
    <message>
        <source>SendGuard — send now</source>
        <translation>SendGuard — send now</translation>
    </message>
    <message>
        <source>This message has not been confirmed yet. Send it now?</source>
        <translation>This message has not been confirmed yet. Send it now?</translation>
    </message>
    <message>
        <source>Save message as</source>
        <translation>Save message as</translation>
    </message>
    <message>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>E-mail messages (*.eml);;All files (*)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>Sends</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Messages in the queue</source>
        <translation>Messages in the queue</translation>
    </message>
    <message>
        <source>No messages are waiting.</source>
        <translation>No messages are waiting.</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Send now</translation>
    </message>
    <message>
        <source>&amp;Recall</source>
        <translation>&amp;Recall</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Save as .&amp;eml</source>
        <translation>Save as .&amp;eml</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>Awaiting confirmation</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Waiting to retry</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>Recalled</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>(no recipients)</source>
        <translation>(no recipients)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n more</source>
        <translation>
            <numerusform>%1, %2 and %n more</numerusform>
            <numerusform>%1, %2 and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>message</source>
        <translation>message</translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Created: %1</translation>
    </message>
    <message>
        <source>Release: %1</source>
        <translation>Release: %1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>Next attempt: %1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>Attempts: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>Envelope sender: %1</source>
        <translation>Envelope sender: %1</translation>
    </message>
    <message>
        <source>(none: &lt;&gt;)</source>
        <translation>(none: &lt;&gt;)</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>From: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Subject: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Size: %1</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>Confirmed: %1</translation>
    </message>
    <message>
        <source>by the user</source>
        <translation>by the user</translation>
    </message>
    <message>
        <source>automatically</source>
        <translation>automatically</translation>
    </message>
    <message numerus="yes">
        <source>Recipients (%n):</source>
        <translation>
            <numerusform>Recipient (%n):</numerusform>
            <numerusform>Recipients (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>not yet sent</source>
        <translation>not yet sent</translation>
    </message>
    <message>
        <source>  %1 — %2</source>
        <translation>  %1 — %2</translation>
    </message>
    <message>
        <source>(server: %1)</source>
        <translation>(server: %1)</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnings:</translation>
    </message>
    <message>
        <source>many recipients</source>
        <translation>many recipients</translation>
    </message>
    <message>
        <source>recipients from many outside companies</source>
        <translation>recipients from many outside companies</translation>
    </message>
    <message>
        <source>a domain that looks like a trusted one</source>
        <translation>a domain that looks like a trusted one</translation>
    </message>
    <message>
        <source>a recipient you have never written to</source>
        <translation>a recipient you have never written to</translation>
    </message>
    <message>
        <source>matches a keyword rule</source>
        <translation>matches a keyword rule</translation>
    </message>
    <message>
        <source>the From address differs from the sending account</source>
        <translation>the From address differs from the sending account</translation>
    </message>
    <message>
        <source>a blocked domain</source>
        <translation>a blocked domain</translation>
    </message>
    <message numerus="yes">
        <source>Attachments (%n):</source>
        <translation>
            <numerusform>Attachment (%n):</numerusform>
            <numerusform>Attachments (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 (%2)</source>
        <translation>  %1 (%2)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>[encrypted: %1]</source>
        <translation>[encrypted: %1]</translation>
    </message>
    <message>
        <source>next try %1</source>
        <translation>next try %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is being sent now.</source>
        <translation>&quot;%1&quot; is being sent now.</translation>
    </message>
    <message>
        <source>Could not send &quot;%1&quot;: %2</source>
        <translation>Could not send &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was recalled and will not be sent.</source>
        <translation>&quot;%1&quot; was recalled and will not be sent.</translation>
    </message>
    <message>
        <source>Could not recall &quot;%1&quot;: %2</source>
        <translation>Could not recall &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>SendGuard — message details</source>
        <translation>SendGuard — message details</translation>
    </message>
    <message>
        <source>The message file is no longer in the spool.</source>
        <translation>The message file is no longer in the spool.</translation>
    </message>
    <message>
        <source>Saved a copy to %1.</source>
        <translation>Saved a copy to %1.</translation>
    </message>
    <message>
        <source>Could not save the message to %1: %2</source>
        <translation>Could not save the message to %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Removed by you before sending (%n), not sent to:</source>
        <translation>
            <numerusform>Removed by you before sending (%n), not sent to:</numerusform>
            <numerusform>Removed by you before sending (%n), not sent to:</numerusform>
        </translation>
    </message>
    <message>
        <source>Text (start):</source>
        <translation>Text (start):</translation>
    </message>
</context>
<context>
    <name>sendguard::SettingsWindow</name>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>SendGuard — Settings</source>
        <translation>SendGuard — Settings</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Mail server</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Restart now</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>The mail server SendGuard passes your messages on to, once they are checked. Your IT department can tell you these values.</source>
        <translation>The mail server SendGuard passes your messages on to, once they are checked. Your IT department can tell you these values.</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>for example smtp.example.co.jp (empty: demo mode, nothing leaves)</source>
        <translation>for example smtp.example.co.jp (empty: demo mode, nothing leaves)</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>S&amp;ecurity:</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (usually port 587)</translation>
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation>TLS from the start (usually port 465)</translation>
    </message>
    <message>
        <source>None: not encrypted</source>
        <translation>None: not encrypted</translation>
    </message>
    <message>
        <source>Chec&amp;k the server&apos;s certificate (recommended)</source>
        <translation>Chec&amp;k the server&apos;s certificate (recommended)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>C&amp;A file:</translation>
    </message>
    <message>
        <source>only if your organisation has its own certificate authority</source>
        <translation>only if your organisation has its own certificate authority</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Certificate authority</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>empty: SendGuard does not log in</source>
        <translation>empty: SendGuard does not log in</translation>
    </message>
    <message>
        <source>reading the keychain…</source>
        <translation>reading the keychain…</translation>
    </message>
    <message>
        <source>Kept in the keychain of your computer, never in the configuration file.</source>
        <translation>Kept in the keychain of your computer, never in the configuration file.</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Connects to the server with the values above, logs in if a user name is set, and hangs up. No mail is sent.</source>
        <translation>Connects to the server with the values above, logs in if a user name is set, and hangs up. No mail is sent.</translation>
    </message>
    <message>
        <source>Test the connection to see whether SendGuard can reach and log in to the server.</source>
        <translation>Test the connection to see whether SendGuard can reach and log in to the server.</translation>
    </message>
    <message>
        <source>Your mail program sends to SendGuard on this computer (server 127.0.0.1) with these values.</source>
        <translation>Your mail program sends to SendGuard on this computer (server 127.0.0.1) with these values.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Set up your &amp;mail program…</source>
        <translation>Set up your &amp;mail program…</translation>
    </message>
    <message>
        <source>One domain per line, for example example.co.jp; its subdomains are included. Japanese domain names may be written either way.</source>
        <translation>One domain per line, for example example.co.jp; its subdomains are included. Japanese domain names may be written either way.</translation>
    </message>
    <message>
        <source>&amp;Internal domains:</source>
        <translation>&amp;Internal domains:</translation>
    </message>
    <message>
        <source>&amp;Trusted domains:</source>
        <translation>&amp;Trusted domains:</translation>
    </message>
    <message>
        <source>&amp;Blocked domains:</source>
        <translation>&amp;Blocked domains:</translation>
    </message>
    <message>
        <source>Internal: your own organisation. Trusted: external, but never flagged as first-time or look-alike. Blocked: mail to them is refused.</source>
        <translation>Internal: your own organisation. Trusted: external, but never flagged as first-time or look-alike. Blocked: mail to them is refused.</translation>
    </message>
    <message>
        <source>Con&amp;firm before sending:</source>
        <translation>Con&amp;firm before sending:</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Always</translation>
    </message>
    <message>
        <source>When a recipient is external or something looks unusual</source>
        <translation>When a recipient is external or something looks unusual</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Wait for the &amp;answer:</source>
        <translation>Wait for the &amp;answer:</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> seconds</translation>
    </message>
    <message>
        <source>When nobody ans&amp;wers:</source>
        <translation>When nobody ans&amp;wers:</translation>
    </message>
    <message>
        <source>Keep the message until I decide</source>
        <translation>Keep the message until I decide</translation>
    </message>
    <message>
        <source>Give it back to the mail program, which tries again later</source>
        <translation>Give it back to the mail program, which tries again later</translation>
    </message>
    <message>
        <source>&amp;Hold each message for:</source>
        <translation>&amp;Hold each message for:</translation>
    </message>
    <message>
        <source>&amp;Many recipients from:</source>
        <translation>&amp;Many recipients from:</translation>
    </message>
    <message>
        <source> addresses</source>
        <translation> addresses</translation>
    </message>
    <message>
        <source>Move to &amp;Bcc:</source>
        <translation>Move to &amp;Bcc:</translation>
    </message>
    <message>
        <source>External recipients, when there are many</source>
        <translation>External recipients, when there are many</translation>
    </message>
    <message>
        <source>All recipients but the sender, when there are many</source>
        <translation>All recipients but the sender, when there are many</translation>
    </message>
    <message>
        <source>Managed by your organisation</source>
        <translation>Managed by your organisation</translation>
    </message>
    <message>
        <source>Set by your organisation (%1). Ask your IT department to change it.</source>
        <translation>Set by your organisation (%1). Ask your IT department to change it.</translation>
    </message>
    <message>
        <source>The configuration file %1 cannot be read: %2.</source>
        <translation>The configuration file %1 cannot be read: %2.</translation>
    </message>
    <message>
        <source>The configuration file %1 is not valid JSON (%2).</source>
        <translation>The configuration file %1 is not valid JSON (%2).</translation>
    </message>
    <message>
        <source>the top level must be an object</source>
        <translation>the top level must be an object</translation>
    </message>
    <message>
        <source>Correct or remove the file; until then these settings cannot be saved.</source>
        <translation>Correct or remove the file; until then these settings cannot be saved.</translation>
    </message>
    <message>
        <source>The current settings have problems; correct them before saving.</source>
        <translation>The current settings have problems; correct them before saving.</translation>
    </message>
    <message>
        <source>Mail programs do not log in to SendGuard on this computer (listen.auth is &quot;none&quot;): leave the user name and password empty in your mail program.</source>
        <translation>Mail programs do not log in to SendGuard on this computer (listen.auth is &quot;none&quot;): leave the user name and password empty in your mail program.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s settings (%1) have a problem; ask your IT department to correct it: %2</source>
        <translation>Your organisation&apos;s settings (%1) have a problem; ask your IT department to correct it: %2</translation>
    </message>
    <message>
        <source>Not saved. Please correct:</source>
        <translation>Not saved. Please correct:</translation>
    </message>
    <message>
        <source>Not saved: the configuration file %1 was changed by another program while this window was open. Close the window and open the settings again to see the new values.</source>
        <translation>Not saved: the configuration file %1 was changed by another program while this window was open. Close the window and open the settings again to see the new values.</translation>
    </message>
    <message>
        <source>Nothing to save: the settings are unchanged.</source>
        <translation>Nothing to save: the settings are unchanged.</translation>
    </message>
    <message>
        <source>Not saved: the password could not be stored in the keychain (%1).</source>
        <translation>Not saved: the password could not be stored in the keychain (%1).</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace it</source>
        <translation>stored in the keychain; type to replace it</translation>
    </message>
    <message>
        <source>Not saved: %1 cannot be written (%2).</source>
        <translation>Not saved: %1 cannot be written (%2).</translation>
    </message>
    <message>
        <source>Saved. SendGuard uses the new settings after it is restarted.</source>
        <translation>Saved. SendGuard uses the new settings after it is restarted.</translation>
    </message>
    <message>
        <source>cannot be read from the keychain</source>
        <translation>cannot be read from the keychain</translation>
    </message>
    <message>
        <source>not created yet; it is made when SendGuard starts</source>
        <translation>not created yet; it is made when SendGuard starts</translation>
    </message>
    <message>
        <source>the keychain cannot be used</source>
        <translation>the keychain cannot be used</translation>
    </message>
    <message>
        <source>none stored</source>
        <translation>none stored</translation>
    </message>
    <message>
        <source>Connecting to %1 port %2…</source>
        <translation>Connecting to %1 port %2…</translation>
    </message>
    <message>
        <source>SendGuard can encrypt outgoing mail with the recipients&apos; S/MIME certificates or OpenPGP keys.</source>
        <translation>SendGuard can encrypt outgoing mail with the recipients&apos; S/MIME certificates or OpenPGP keys.</translation>
    </message>
    <message>
        <source>&amp;Encrypt:</source>
        <translation>&amp;Encrypt:</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nothing</translation>
    </message>
    <message>
        <source>The attachments (the text stays readable)</source>
        <translation>The attachments (the text stays readable)</translation>
    </message>
    <message>
        <source>The whole message</source>
        <translation>The whole message</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Method:</translation>
    </message>
    <message>
        <source>Whichever every recipient has a key for (S/MIME first)</source>
        <translation>Whichever every recipient has a key for (S/MIME first)</translation>
    </message>
    <message>
        <source>Re&amp;quired for:</source>
        <translation>Re&amp;quired for:</translation>
    </message>
    <message>
        <source>Nothing: encrypt when possible</source>
        <translation>Nothing: encrypt when possible</translation>
    </message>
    <message>
        <source>Messages with attachments to external recipients</source>
        <translation>Messages with attachments to external recipients</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>Every message</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>S/M&amp;IME certificates:</source>
        <translation>S/M&amp;IME certificates:</translation>
    </message>
    <message>
        <source>folder with the recipients&apos; certificates (.pem, .crt, .cer, .der)</source>
        <translation>folder with the recipients&apos; certificates (.pem, .crt, .cer, .der)</translation>
    </message>
    <message>
        <source>&amp;GnuPG folder:</source>
        <translation>&amp;GnuPG folder:</translation>
    </message>
    <message>
        <source>empty: GnuPG&apos;s own (~/.gnupg)</source>
        <translation>empty: GnuPG&apos;s own (~/.gnupg)</translation>
    </message>
</context>
<context>
    <name>sendguard::SmimeBackend</name>
    <message>
        <source>unknown OpenSSL error</source>
        <translation>unknown OpenSSL error</translation>
    </message>
    <message>
        <source>the certificate has malformed extensions</source>
        <translation>the certificate has malformed extensions</translation>
    </message>
    <message>
        <source>the certificate&apos;s public key cannot be read</source>
        <translation>the certificate&apos;s public key cannot be read</translation>
    </message>
    <message>
        <source>its key usage does not allow encryption (keyEncipherment is missing)</source>
        <translation>its key usage does not allow encryption (keyEncipherment is missing)</translation>
    </message>
    <message>
        <source>its RSA key is too short (%1 bits, at least %2 needed)</source>
        <translation>its RSA key is too short (%1 bits, at least %2 needed)</translation>
    </message>
    <message>
        <source>its key usage does not allow encryption (keyAgreement is missing)</source>
        <translation>its key usage does not allow encryption (keyAgreement is missing)</translation>
    </message>
    <message>
        <source>its key type (%1) cannot be used for S/MIME encryption</source>
        <translation>its key type (%1) cannot be used for S/MIME encryption</translation>
    </message>
    <message>
        <source>its extended key usage does not include e-mail protection</source>
        <translation>its extended key usage does not include e-mail protection</translation>
    </message>
    <message>
        <source>its validity dates cannot be read</source>
        <translation>its validity dates cannot be read</translation>
    </message>
    <message>
        <source>not valid before %1</source>
        <translation>not valid before %1</translation>
    </message>
    <message>
        <source>expired on %1</source>
        <translation>expired on %1</translation>
    </message>
    <message>
        <source>%1 (none of its %2 certificates is usable)</source>
        <translation>%1 (none of its %2 certificates is usable)</translation>
    </message>
    <message>
        <source>no certificate for this address in %1</source>
        <translation>no certificate for this address in %1</translation>
    </message>
    <message>
        <source>unsupported S/MIME cipher &quot;%1&quot; (use aes-128-cbc, aes-192-cbc or aes-256-cbc)</source>
        <translation>unsupported S/MIME cipher &quot;%1&quot; (use aes-128-cbc, aes-192-cbc or aes-256-cbc)</translation>
    </message>
    <message>
        <source>no folder for S/MIME certificates is configured</source>
        <translation>no folder for S/MIME certificates is configured</translation>
    </message>
    <message>
        <source>the S/MIME certificate folder %1 does not exist</source>
        <translation>the S/MIME certificate folder %1 does not exist</translation>
    </message>
    <message>
        <source>the S/MIME certificate folder %1 cannot be read</source>
        <translation>the S/MIME certificate folder %1 cannot be read</translation>
    </message>
    <message>
        <source>too large for a certificate file (%1 bytes)</source>
        <translation>too large for a certificate file (%1 bytes)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>broken PEM certificate: %1</source>
        <translation>broken PEM certificate: %1</translation>
    </message>
    <message>
        <source>no certificate in the PEM file</source>
        <translation>no certificate in the PEM file</translation>
    </message>
    <message>
        <source>unexpected data after the DER certificate</source>
        <translation>unexpected data after the DER certificate</translation>
    </message>
    <message>
        <source>not a certificate (neither PEM nor DER): %1</source>
        <translation>not a certificate (neither PEM nor DER): %1</translation>
    </message>
    <message>
        <source>the S/MIME back end is not configured</source>
        <translation>the S/MIME back end is not configured</translation>
    </message>
    <message>
        <source>%1 (SHA-256 %2), valid until %3</source>
        <translation>%1 (SHA-256 %2), valid until %3</translation>
    </message>
    <message>
        <source>no recipients to encrypt to</source>
        <translation>no recipients to encrypt to</translation>
    </message>
    <message>
        <source>no usable S/MIME certificate for %1</source>
        <translation>no usable S/MIME certificate for %1</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>out of memory</translation>
    </message>
    <message>
        <source>OpenSSL could not prepare the encryption: %1</source>
        <translation>OpenSSL could not prepare the encryption: %1</translation>
    </message>
    <message>
        <source>OpenSSL could not encrypt: %1</source>
        <translation>OpenSSL could not encrypt: %1</translation>
    </message>
    <message>
        <source>cannot write the encrypted output: %1</source>
        <translation>cannot write the encrypted output: %1</translation>
    </message>
    <message>
        <source>cannot read the message: %1</source>
        <translation>cannot read the message: %1</translation>
    </message>
    <message>
        <source>cannot read the temporary file %1: %2</source>
        <translation>cannot read the temporary file %1: %2</translation>
    </message>
    <message>
        <source>cannot write the temporary file %1: %2</source>
        <translation>cannot write the temporary file %1: %2</translation>
    </message>
    <message>
        <source>cannot create a temporary file in %1: %2</source>
        <translation>cannot create a temporary file in %1: %2</translation>
    </message>
    <message>
        <source>OpenSSL produced an unexpected CMS structure</source>
        <translation>OpenSSL produced an unexpected CMS structure</translation>
    </message>
    <message>
        <source>the input changed while it was being encrypted (%1 bytes expected, %2 read)</source>
        <translation>the input changed while it was being encrypted (%1 bytes expected, %2 read)</translation>
    </message>
</context>
<context>
    <name>sendguard::SmtpServer</name>
    <message>
        <source>refusing to listen on %1: SendGuard listens on loopback addresses only</source>
        <translation>refusing to listen on %1: SendGuard listens on loopback addresses only</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>cannot listen on %1:%2: %3</translation>
    </message>
</context>
<context>
    <name>sendguard::Spool</name>
    <message>
        <source>cannot create the spool folder %1</source>
        <translation>cannot create the spool folder %1</translation>
    </message>
    <message>
        <source>removed %1, whose acceptance was interrupted before the client was answered</source>
        <translation>removed %1, whose acceptance was interrupted before the client was answered</translation>
    </message>
    <message>
        <source>ignored an incomplete last line in the spool journal</source>
        <translation>ignored an incomplete last line in the spool journal</translation>
    </message>
    <message>
        <source>skipped damaged line %1 of the spool journal</source>
        <translation>skipped damaged line %1 of the spool journal</translation>
    </message>
    <message>
        <source>message %1 has an unreadable state (%2); its file was kept in %3</source>
        <translation>message %1 has an unreadable state (%2); its file was kept in %3</translation>
    </message>
    <message>
        <source>message %1 is in the journal but its file is missing; it cannot be sent</source>
        <translation>message %1 is in the journal but its file is missing; it cannot be sent</translation>
    </message>
    <message>
        <source>message %1 does not match its recorded size and checksum; it was moved to %2</source>
        <translation>message %1 does not match its recorded size and checksum; it was moved to %2</translation>
    </message>
    <message>
        <source>cannot rewrite the spool journal: %1</source>
        <translation>cannot rewrite the spool journal: %1</translation>
    </message>
    <message>
        <source>cannot write the spool journal: %1</source>
        <translation>cannot write the spool journal: %1</translation>
    </message>
    <message>
        <source>the encrypted form of message %1 is incomplete; it will be encrypted again</source>
        <translation>the encrypted form of message %1 is incomplete; it will be encrypted again</translation>
    </message>
</context>
<context>
    <name>sendguard::TrayIcon</name>
    <message>
        <source>SendGuard: no messages held</source>
        <translation>SendGuard: no messages held</translation>
    </message>
    <message numerus="yes">
        <source>SendGuard: %n message(s) held</source>
        <translation>
            <numerusform>SendGuard: %n message held</numerusform>
            <numerusform>SendGuard: %n messages held</numerusform>
        </translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <source>Message not sent</source>
        <translation>Message not sent</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be sent: %2</source>
        <translation>&quot;%1&quot; could not be sent: %2</translation>
    </message>
    <message>
        <source>Message waiting</source>
        <translation>Message waiting</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be delivered yet; SendGuard keeps trying.</source>
        <translation>&quot;%1&quot; could not be delivered yet; SendGuard keeps trying.</translation>
    </message>
    <message>
        <source>Open the &amp;queue…</source>
        <translation>Open the &amp;queue…</translation>
    </message>
    <message>
        <source>&amp;Quit SendGuard</source>
        <translation>&amp;Quit SendGuard</translation>
    </message>
    <message>
        <source>SendGuard is running</source>
        <translation>SendGuard is running</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so SendGuard shows its queue in this window. Closing the window keeps SendGuard running; open it again from the application menu.</source>
        <translation>This desktop has no system tray, so SendGuard shows its queue in this window. Closing the window keeps SendGuard running; open it again from the application menu.</translation>
    </message>
    <message>
        <source>next one leaves in %1:%2</source>
        <translation>next one leaves in %1:%2</translation>
    </message>
    <message>
        <source>Message held</source>
        <translation>Message held</translation>
    </message>
    <message>
        <source>&quot;%1&quot; leaves in %2 seconds. You can still recall it from the queue.</source>
        <translation>&quot;%1&quot; leaves in %2 seconds. You can still recall it from the queue.</translation>
    </message>
    <message>
        <source>Waiting for your confirmation</source>
        <translation>Waiting for your confirmation</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not sent until you confirm it.</source>
        <translation>&quot;%1&quot; is not sent until you confirm it.</translation>
    </message>
    <message>
        <source>Message sent</source>
        <translation>Message sent</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was handed to the mail server.</source>
        <translation>&quot;%1&quot; was handed to the mail server.</translation>
    </message>
    <message>
        <source>Message recalled</source>
        <translation>Message recalled</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not sent. It stays in the queue, where you can save or send it.</source>
        <translation>&quot;%1&quot; was not sent. It stays in the queue, where you can save or send it.</translation>
    </message>
    <message>
        <source>Messages waiting to be sent</source>
        <translation>Messages waiting to be sent</translation>
    </message>
    <message numerus="yes">
        <source>%n held message(s) reached the end of the hold while SendGuard was not running.</source>
        <translation>
            <numerusform>%n held message reached the end of the hold while SendGuard was not running.</numerusform>
            <numerusform>%n held messages reached the end of the hold while SendGuard was not running.</numerusform>
        </translation>
    </message>
    <message>
        <source>SendGuard — held messages</source>
        <translation>SendGuard — held messages</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were held when SendGuard stopped, and their hold time has passed:</source>
        <translation>
            <numerusform>%n message was held when SendGuard stopped, and its hold time has passed:</numerusform>
            <numerusform>%n messages were held when SendGuard stopped, and their hold time has passed:</numerusform>
        </translation>
    </message>
    <message>
        <source>Send them now?</source>
        <translation>Send them now?</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Send now</translation>
    </message>
    <message>
        <source>&amp;Review in the queue</source>
        <translation>&amp;Review in the queue</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Set up your &amp;mail program…</source>
        <translation>Set up your &amp;mail program…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Audit log…</translation>
    </message>
    <message>
        <source>SendGuard — audit log</source>
        <translation>SendGuard — audit log</translation>
    </message>
</context>
<context>
    <name>sendguard::UpstreamConnection</name>
    <message>
        <source>the upstream closed the connection</source>
        <translation>the upstream closed the connection</translation>
    </message>
    <message>
        <source>the upstream&apos;s TLS certificate is not trusted: %1</source>
        <translation>the upstream&apos;s TLS certificate is not trusted: %1</translation>
    </message>
    <message>
        <source>the upstream sent an over-long reply line</source>
        <translation>the upstream sent an over-long reply line</translation>
    </message>
    <message>
        <source>the upstream sent a malformed reply: %1</source>
        <translation>the upstream sent a malformed reply: %1</translation>
    </message>
    <message>
        <source>the upstream sent an over-long reply</source>
        <translation>the upstream sent an over-long reply</translation>
    </message>
    <message>
        <source>the upstream closed the connection: %1</source>
        <translation>the upstream closed the connection: %1</translation>
    </message>
    <message>
        <source>the upstream refused the connection: %1</source>
        <translation>the upstream refused the connection: %1</translation>
    </message>
    <message>
        <source>the upstream refused EHLO: %1</source>
        <translation>the upstream refused EHLO: %1</translation>
    </message>
    <message>
        <source>the upstream %1 does not offer STARTTLS; refusing to send in plain text (upstream.security is &quot;starttls&quot;)</source>
        <translation>the upstream %1 does not offer STARTTLS; refusing to send in plain text (upstream.security is &quot;starttls&quot;)</translation>
    </message>
    <message>
        <source>the upstream refused STARTTLS: %1; refusing to send in plain text</source>
        <translation>the upstream refused STARTTLS: %1; refusing to send in plain text</translation>
    </message>
    <message>
        <source>refusing to send the upstream password over an unencrypted connection</source>
        <translation>refusing to send the upstream password over an unencrypted connection</translation>
    </message>
    <message>
        <source>no password for %1 is stored in the keychain; set it in the settings or with &quot;sendguard credentials set upstream&quot;</source>
        <translation>no password for %1 is stored in the keychain; set it in the settings or with &quot;sendguard credentials set upstream&quot;</translation>
    </message>
    <message>
        <source>the upstream refused the login for %1: %2</source>
        <translation>the upstream refused the login for %1: %2</translation>
    </message>
    <message>
        <source>the upstream offers no login method SendGuard supports (%1)</source>
        <translation>the upstream offers no login method SendGuard supports (%1)</translation>
    </message>
    <message>
        <source>the upstream accepts at most %1 bytes</source>
        <translation>the upstream accepts at most %1 bytes</translation>
    </message>
    <message>
        <source>the upstream does not support SMTPUTF8 addresses</source>
        <translation>the upstream does not support SMTPUTF8 addresses</translation>
    </message>
    <message>
        <source>cannot read the spooled message: %1</source>
        <translation>cannot read the spooled message: %1</translation>
    </message>
    <message>
        <source>the upstream refused RSET: %1</source>
        <translation>the upstream refused RSET: %1</translation>
    </message>
    <message>
        <source>cannot talk to the upstream %1:%2: %3</source>
        <translation>cannot talk to the upstream %1:%2: %3</translation>
    </message>
    <message>
        <source>could not connect to the upstream %1:%2 within %3 seconds</source>
        <translation>could not connect to the upstream %1:%2 within %3 seconds</translation>
    </message>
    <message>
        <source>the upstream did not answer within %1 seconds</source>
        <translation>the upstream did not answer within %1 seconds</translation>
    </message>
    <message>
        <source>the upstream does not accept 8-bit message data (8BITMIME)</source>
        <translation>the upstream does not accept 8-bit message data (8BITMIME)</translation>
    </message>
</context>
<context>
    <name>sendguard::UpstreamTester</name>
    <message>
        <source>an older TLS version</source>
        <translation>an older TLS version</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 port %2</translation>
    </message>
    <message>
        <source>No server is set, so there is nothing to test. Without a server SendGuard keeps the messages it would send in its demo outbox.</source>
        <translation>No server is set, so there is nothing to test. Without a server SendGuard keeps the messages it would send in its demo outbox.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate (PEM or DER), so the test was not run.</source>
        <translation>The CA file %1 holds no certificate (PEM or DER), so the test was not run.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connected to %1.</translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation>%1 closed the connection.</translation>
    </message>
    <message>
        <source>%1 sent an over-long reply line.</source>
        <translation>%1 sent an over-long reply line.</translation>
    </message>
    <message>
        <source>%1 does not speak SMTP; it sent: %2</source>
        <translation>%1 does not speak SMTP; it sent: %2</translation>
    </message>
    <message>
        <source>%1 sent an over-long reply.</source>
        <translation>%1 sent an over-long reply.</translation>
    </message>
    <message>
        <source>The connection is encrypted with %1.</source>
        <translation>The connection is encrypted with %1.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is trusted: its chain up to a trusted certificate authority was verified (issued by %1).</source>
        <translation>The server&apos;s certificate is trusted: its chain up to a trusted certificate authority was verified (issued by %1).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is NOT trusted: %1.</source>
        <translation>The server&apos;s certificate is NOT trusted: %1.</translation>
    </message>
    <message>
        <source>If your organisation uses its own certificate authority, choose its certificate as CA file.</source>
        <translation>If your organisation uses its own certificate authority, choose its certificate as CA file.</translation>
    </message>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>The certificate expired on %1.</translation>
    </message>
    <message>
        <source>The certificate is not valid before %1.</source>
        <translation>The certificate is not valid before %1.</translation>
    </message>
    <message>
        <source>The certificate is valid until %1.</source>
        <translation>The certificate is valid until %1.</translation>
    </message>
    <message>
        <source>The certificate matches the server name %1.</source>
        <translation>The certificate matches the server name %1.</translation>
    </message>
    <message>
        <source>The certificate does NOT match the server name %1; it was issued for %2.</source>
        <translation>The certificate does NOT match the server name %1; it was issued for %2.</translation>
    </message>
    <message>
        <source>Checking the certificate is turned off, so SendGuard would still send through this server; anyone in between could read the mail. Turn the check on again as soon as the certificate is fixed.</source>
        <translation>Checking the certificate is turned off, so SendGuard would still send through this server; anyone in between could read the mail. Turn the check on again as soon as the certificate is fixed.</translation>
    </message>
    <message>
        <source>%1 refused the connection: %2</source>
        <translation>%1 refused the connection: %2</translation>
    </message>
    <message>
        <source>%1 refused EHLO: %2</source>
        <translation>%1 refused EHLO: %2</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS, and SendGuard never sends in plain text when the security is STARTTLS. Ask IT which port and security to use.</source>
        <translation>%1 does not offer STARTTLS, and SendGuard never sends in plain text when the security is STARTTLS. Ask IT which port and security to use.</translation>
    </message>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation>%1 refused STARTTLS: %2</translation>
    </message>
    <message>
        <source>The connection is NOT encrypted (the security is set to &quot;none&quot;): the mail crosses the network readable by anyone in between.</source>
        <translation>The connection is NOT encrypted (the security is set to &quot;none&quot;): the mail crosses the network readable by anyone in between.</translation>
    </message>
    <message>
        <source>No user name is set, so SendGuard sends without logging in.</source>
        <translation>No user name is set, so SendGuard sends without logging in.</translation>
    </message>
    <message>
        <source>The password was not sent, because the connection is not encrypted.</source>
        <translation>The password was not sent, because the connection is not encrypted.</translation>
    </message>
    <message>
        <source>The password was not sent, because the server&apos;s certificate failed the checks above; the login was not tried.</source>
        <translation>The password was not sent, because the server&apos;s certificate failed the checks above; the login was not tried.</translation>
    </message>
    <message>
        <source>No password is stored for %1, so the login was not tried.</source>
        <translation>No password is stored for %1, so the login was not tried.</translation>
    </message>
    <message>
        <source>The server offers no login method SendGuard supports (it offers %1).</source>
        <translation>The server offers no login method SendGuard supports (it offers %1).</translation>
    </message>
    <message>
        <source>Logged in as %1.</source>
        <translation>Logged in as %1.</translation>
    </message>
    <message>
        <source>The server refused the login as %1: %2</source>
        <translation>The server refused the login as %1: %2</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2.</source>
        <translation>Cannot connect to %1: %2.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2.</source>
        <translation>The TLS handshake with %1 failed: %2.</translation>
    </message>
    <message>
        <source>The connection to %1 broke: %2.</source>
        <translation>The connection to %1 broke: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Cannot connect to %1: no answer within %n second(s).</source>
        <translation>
            <numerusform>Cannot connect to %1: no answer within %n second.</numerusform>
            <numerusform>Cannot connect to %1: no answer within %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The TLS handshake with %1 did not finish within %n second(s).</source>
        <translation>
            <numerusform>The TLS handshake with %1 did not finish within %n second.</numerusform>
            <numerusform>The TLS handshake with %1 did not finish within %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>%1 did not answer within %n second.</numerusform>
            <numerusform>%1 did not answer within %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>SendGuard can send mail through this server with these settings.</source>
        <translation>SendGuard can send mail through this server with these settings.</translation>
    </message>
    <message>
        <source>SendGuard cannot send mail through this server with these settings yet.</source>
        <translation>SendGuard cannot send mail through this server with these settings yet.</translation>
    </message>
</context>
</TS>
