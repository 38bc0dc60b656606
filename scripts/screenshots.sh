#!/bin/bash
# Takes the README's screenshots of the real application on a virtual X server (Xvfb):
#   docs/images/confirm-dialog-ja.png  confirm-dialog-en.png   the send-confirm dialog
#   docs/images/queue-window-ja.png    queue-window-en.png     the hold queue
# For each language SendGuard runs with --lang ja / --lang en and receives a realistic Japanese
# business message (ISO-2022-JP, a PDF attachment, external recipients in two companies and a
# look-alike of the internal domain, enough of them for the move to Bcc); the dialog is captured
# and cancelled. A second SendGuard (policy.confirm "never", hold 600 s) then receives a few
# messages, one is recalled, and the queue window is opened the way a user does it: by starting
# sendguard a second time with the same data folder.
#
# Usage: scripts/screenshots.sh [OUTPUT_DIR]      (default: docs/images)
#   SENDGUARD_BIN=path/to/sendguard   use this binary instead of building build/app/sendguard
#   SENDGUARD_BUILD_DIR=DIR           build there instead (default: build, the "default" preset)
#   SCREENSHOT_LANGS="ja en"          the languages to take
# Needs (scripts/install-deps.sh installs them): xvfb, xdotool, imagemagick, fonts-noto-cjk,
# python3. Nothing leaves the computer: SendGuard listens on 127.0.0.1 and uses its demo
# upstream, and every message is cancelled or still held when SendGuard is stopped.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/images}
langs=${SCREENSHOT_LANGS:-ja en}

die() { echo "screenshots: $*" >&2; exit 1; }

for tool in Xvfb xdotool import python3 fc-list; do
  command -v "$tool" >/dev/null || die "$tool is missing; run scripts/install-deps.sh"
done
fc-list :lang=ja family | grep -q "Noto Sans CJK JP" ||
  die "the Japanese font (fonts-noto-cjk) is missing; run scripts/install-deps.sh"

if [ -n "${SENDGUARD_BIN:-}" ]; then
  bin=$SENDGUARD_BIN
else
  build=${SENDGUARD_BUILD_DIR:-$root/build}
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" --target sendguard
  bin=$build/app/sendguard
fi
[ -x "$bin" ] || die "no sendguard binary at $bin"
bin=$(readlink -f "$bin")
mkdir -p "$out"
out=$(cd "$out" && pwd)

work=$(mktemp -d /tmp/sg-screenshots.XXXXXX)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "${SCREENSHOT_KEEP:-}" ]; then echo "screenshots: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Han characters in Japanese glyph forms even where the UI is English.
mkdir -p "$work/fontconfig"
cat >"$work/fontconfig/fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="strong"><family>sans-serif</family>
    <prefer><family>DejaVu Sans</family><family>Noto Sans CJK JP</family></prefer></alias>
</fontconfig>
EOF
export FONTCONFIG_FILE=$work/fontconfig/fonts.conf

# ---------------------------------------------------------------------------- Xvfb
display=""
for n in $(seq 90 300); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
  Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
  xpid=$!
  for _ in $(seq 50); do
    kill -0 "$xpid" 2>/dev/null || break # lost a race for this number
    # Ready, and ours (its lock file has our pid), not a server someone started just before.
    if [ "$(tr -d ' \n' 2>/dev/null <"/tmp/.X$n-lock")" = "$xpid" ] &&
      DISPLAY=":$n" xdotool getmouselocation >/dev/null 2>&1; then
      display=":$n"
      break
    fi
    sleep 0.1
  done
  if [ -n "$display" ]; then pids+=("$xpid"); break; fi
  kill "$xpid" 2>/dev/null || true
  wait "$xpid" 2>/dev/null || true
done
[ -n "$display" ] || die "could not start Xvfb: $(cat "$work/xvfb.log")"
export DISPLAY=$display QT_QPA_PLATFORM=xcb TZ=Asia/Tokyo XDG_RUNTIME_DIR=$work/runtime
unset WAYLAND_DISPLAY QT_IM_MODULE SENDGUARD_LANG
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
echo "screenshots: Xvfb on $DISPLAY, sendguard $bin"

# ---------------------------------------------------------------------------- helpers
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# The ids of the running instance's visible windows, one a line.
sg_windows() { xdotool search --onlyvisible --pid "$sg_pid" --name SendGuard 2>/dev/null || true; }
has_window() { [ -n "$(sg_windows)" ]; }

# wait_for SECONDS COMMAND...: runs COMMAND every 0.1 s until it succeeds.
wait_for() {
  local tries=$(($1 * 10)); shift
  while [ "$tries" -gt 0 ]; do
    "$@" && return 0
    tries=$((tries - 1))
    sleep 0.1
  done
  return 1
}

# lang_vars LANG: the environment for the language's locale (Qt reads the name, so the locale
# need not be generated on this system).
lang_vars() {
  case $1 in
    ja) echo LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 LANGUAGE=ja ;;
    *) echo LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 LANGUAGE=en ;;
  esac
}

# start_sendguard NAME CONFIG_JSON LANG: starts one instance; sets sg_pid, sg_dir, sg_port.
start_sendguard() {
  local name=$1 config=$2 lang=$3
  sg_dir=$work/$name
  sg_port=$(free_port)
  mkdir -p "$sg_dir/data"
  python3 - "$sg_dir/config.json" "$sg_port" "$config" <<'PY'
import json, sys
path, port, extra = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
config = {"listen": {"address": "127.0.0.1", "port": port, "auth": "none"}}
config.update(extra)
json.dump(config, open(path, "w"), ensure_ascii=False, indent=2)
PY
  # shellcheck disable=SC2046 # lang_vars prints words without blanks
  env $(lang_vars "$lang") "$bin" --config "$sg_dir/config.json" --data-dir "$sg_dir/data" \
    --demo --lang "$lang" >"$sg_dir/stdout.log" 2>"$sg_dir/stderr.log" &
  sg_pid=$! # env execs sendguard: this is its pid
  pids+=("$sg_pid")
  wait_for 20 grep -qs "SendGuard: listening on" "$sg_dir/stderr.log" ||
    die "sendguard did not start: $(cat "$sg_dir/stderr.log")"
}

stop_sendguard() {
  kill "$sg_pid" 2>/dev/null || true
  wait "$sg_pid" 2>/dev/null || true
}

# sg_env LANG COMMAND...: runs COMMAND with the locale (dates, sizes) of the language.
sg_env() {
  local lang=$1; shift
  # shellcheck disable=SC2046
  env $(lang_vars "$lang") "$@"
}

# The messages: send_mail PORT KIND [TIMEOUT] sends one with smtplib, prints the reply.
cat >"$work/mail.py" <<'PY'
import smtplib, sys
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, make_msgid

port, kind = int(sys.argv[1]), sys.argv[2]
timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 60
CS = "iso-2022-jp"
SENDER = ("山田 太郎", "t.yamada@example.co.jp")
SIGNATURE = "\n--\n山田 太郎\n株式会社エグザンプル 営業部\nTEL: 03-1234-5678\n"

def addr(name, address):
    return formataddr((str(Header(name, CS)), address))

def pdf(size):
    head = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" \
           b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    pad = b"%" + b"0" * 75 + b"\n"
    body = head + pad * ((size - len(head)) // len(pad))
    return body + b"trailer << /Root 1 0 R >>\n%%EOF\n"

MESSAGES = {
    "quote": dict(
        subject="【見積書送付】2026年度 保守契約のお見積り",
        to=[("佐藤 一郎", "i.sato@abc-shoji.co.jp"), ("鈴木 花子", "h.suzuki@abc-shoji.co.jp")],
        cc=[("高橋 健", "k.takahashi@xyz-sangyo.jp"), ("田中 誠", "m.tanaka@examp1e.co.jp"),
            ("営業部", "sales@example.co.jp")],
        body="株式会社ABC商事\n佐藤様\n\nいつもお世話になっております。\n株式会社エグザンプルの山田です。\n\n"
             "先日はお打ち合わせのお時間をいただき、ありがとうございました。\n"
             "ご依頼いただきました2026年度 保守契約のお見積書をお送りいたします。\n"
             "添付のPDFをご確認くださいますよう、お願い申し上げます。\n\n"
             "※本見積書は社外秘としてお取り扱いください。\n\n"
             "ご不明な点がございましたら、お気軽にお問い合わせください。\n"
             "引き続きよろしくお願いいたします。\n" + SIGNATURE,
        attachment=("御見積書_2026年度保守契約.pdf", 186 * 1024)),
    "report": dict(
        subject="【ご報告】11月度 作業報告書の送付",
        to=[("佐藤 一郎", "i.sato@abc-shoji.co.jp")],
        cc=[("営業部", "sales@example.co.jp")],
        body="佐藤様\n\nいつもお世話になっております。山田です。\n11月度の作業報告書をお送りします。\n" + SIGNATURE,
        attachment=("作業報告書_2026年11月.pdf", 412 * 1024)),
    "meeting": dict(
        subject="Re: 打ち合わせ日程のご相談（12月3日 14時）",
        to=[("高橋 健", "k.takahashi@xyz-sangyo.jp")], cc=[],
        body="高橋様\n\nご連絡ありがとうございます。\n12月3日（木）14時で承知いたしました。\n" + SIGNATURE),
    "invoice": dict(
        subject="【請求書】2026年11月分のご請求について",
        to=[("経理ご担当者様", "keiri@abc-shoji.co.jp")], cc=[],
        body="ご担当者様\n\n11月分の請求書をお送りいたします。\n" + SIGNATURE,
        attachment=("請求書_2026年11月分.pdf", 95 * 1024)),
    "minutes": dict(
        subject="定例会議 議事録（11月20日）",
        to=[("開発部", "dev@example.co.jp"), ("営業部", "sales@example.co.jp")], cc=[],
        body="各位\n\n本日の定例会議の議事録を共有します。\n" + SIGNATURE),
}

m = MESSAGES[kind]
text = MIMEText(m["body"], "plain", CS)
if "attachment" in m:
    msg = MIMEMultipart()
    msg.attach(text)
    name, size = m["attachment"]
    part = MIMEApplication(pdf(size), "pdf")
    part.add_header("Content-Disposition", "attachment", filename=(CS, "", name))
    part.set_param("name", (CS, "", name))
    msg.attach(part)
else:
    msg = text
msg["From"] = addr(*SENDER)
msg["To"] = ", ".join(addr(*a) for a in m["to"])
if m["cc"]:
    msg["Cc"] = ", ".join(addr(*a) for a in m["cc"])
msg["Subject"] = Header(m["subject"], CS)
msg["Date"] = formatdate(localtime=True)
msg["Message-ID"] = make_msgid(domain="example.co.jp")
rcpts = [a for _, a in m["to"] + m["cc"]]
try:
    with smtplib.SMTP("127.0.0.1", port, timeout=timeout) as s:
        s.sendmail(SENDER[1], rcpts, msg.as_bytes(policy=msg.policy.clone(linesep="\r\n")))
    print("250", kind)
except smtplib.SMTPResponseException as e:
    print(e.smtp_code, kind, e.smtp_error.decode(errors="replace"))
PY
send_mail() { python3 "$work/mail.py" "$@"; }

# capture WINDOW FILE: the window as it is on the screen, without a window manager's frame.
capture() {
  sleep 1.2 # let the last paint and the countdowns settle
  import -window "$1" "$2"
  [ -s "$2" ] || die "no image written to $2"
  echo "screenshots: wrote $2 ($(identify -format '%wx%h' "$2"))"
}

# ---------------------------------------------------------------------------- the shots
policy_common='"internal_domains": ["example.co.jp"], "mass_threshold": 3,
  "bcc_rewrite": "external-when-mass",
  "keyword_rules": [{"pattern": "社外秘", "where": "body", "action": "warn"}]'

for lang in $langs; do
  # 1. The confirm dialog.
  start_sendguard "confirm-$lang" "{\"policy\": {$policy_common, \"confirm\": \"always\",
    \"hold_seconds\": 600, \"confirm_timeout_seconds\": 600}}" "$lang"
  # Without a system tray SendGuard shows its queue window at start; the dialog comes after it.
  wait_for 10 has_window || die "sendguard showed no window ($lang)"
  before=$(sg_windows)
  send_mail "$sg_port" quote 120 >"$work/confirm-$lang.reply" 2>&1 &
  client=$!
  new_window() {
    dialog=$(sg_windows | grep -vxF -f <(printf '%s\n' "$before") | head -n1 || true)
    [ -n "$dialog" ]
  }
  wait_for 20 new_window || die "no confirm dialog appeared ($lang): $(cat "$sg_dir/stderr.log")"
  xdotool windowfocus --sync "$dialog" >/dev/null 2>&1 || true
  sleep 0.3
  xdotool key --delay 80 space # tick the first recipient: the dialog counts what is left
  capture "$dialog" "$out/confirm-dialog-$lang.png"
  xdotool key Escape
  wait "$client" || true
  grep -q '^550' "$work/confirm-$lang.reply" ||
    die "the cancelled message got: $(cat "$work/confirm-$lang.reply")"
  stop_sendguard

  # 2. The queue window: confirmed without asking, held for 10 minutes, one recalled.
  start_sendguard "queue-$lang" "{\"policy\": {$policy_common, \"confirm\": \"never\",
    \"hold_seconds\": 600}}" "$lang"
  for kind in minutes invoice meeting report quote; do
    reply=$(send_mail "$sg_port" "$kind" 60)
    case $reply in 250*) ;; *) die "message $kind was not accepted: $reply" ;; esac
    sleep 1.5 # different countdowns
  done
  recall=$(sg_env "$lang" "$bin" queue list --json --data-dir "$sg_dir/data" | python3 -c '
import json, sys
print(next(e["id"] for e in json.load(sys.stdin) if "請求書" in e.get("subject", "")))')
  sg_env "$lang" "$bin" queue recall "$recall" --data-dir "$sg_dir/data" >/dev/null
  # Started again while running: asks the running instance to show its window, then exits.
  sg_env "$lang" timeout 20 "$bin" --config "$sg_dir/config.json" --data-dir "$sg_dir/data" \
    --lang "$lang" 2>"$sg_dir/second.log" || die "second start failed: $(cat "$sg_dir/second.log")"
  wait_for 10 has_window || die "the queue window did not open ($lang)"
  window=$(sg_windows | head -n1)
  # Select the newest message (the first row) so that its actions are enabled, then move the
  # pointer away so that no row is drawn hovered.
  xdotool mousemove --window "$window" 300 39 click 1 mousemove 1270 1010
  capture "$window" "$out/queue-window-$lang.png"
  stop_sendguard
done
echo "screenshots: done"
