#!/bin/bash
# Runs inside the container booted by nspawn-test.sh, as a oneshot unit:
# checks timelined as systemd runs it, prints one "ok N - …" or
# "not ok N - …" line per check, and ends the container with
# `systemctl exit FAILED`, the number of failed checks.
set -uo pipefail

output=${1:-/dev/null}
exec > >(tee "$output") 2>&1

articles=/usr/local/lib/timelined-test/articles
inbox=/var/spool/timelined/inbox
ready_id=16ba490d0dab42d49c1f5919edc8884c
received_id=ae323223997447a789c82e59f6c3e62b
reloaded_id=9eed5ab1039e497aa96e5690d94cea96
count=0
failed=0

check() {
    local what=$1
    shift
    count=$((count + 1))
    if "$@"; then
        echo "ok $count - $what"
    else
        echo "not ok $count - $what"
        failed=$((failed + 1))
    fi
}

# Waits up to $1 seconds for the rest of the line to succeed.
within() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@" 2>/dev/null; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}

quietly() { "$@" > /dev/null; }
property() { systemctl show -P "$1" timelined.service; }
is_active() { [ "$(systemctl is-active timelined.service)" = active ]; }
# A number from timelinectl status --json, such as "documents" or "claims".
status_number() { timelinectl status --json | sed -n "s/.*\"$1\" *: *\([0-9]*\).*/\1/p" | head -n 1; }

# --- socket activation
check "timelined.socket listens and the service waits for a client" \
    bash -c '[ "$(systemctl is-active timelined.socket)" = active ] && [ "$(systemctl is-active timelined.service)" = inactive ]'
first_status() { timelinectl status > /tmp/first-status && sed 's/^/# /' /tmp/first-status; }
check "the first timelinectl status starts the service and is answered" first_status
# The control socket answers before READY=1 (while the log is checked), so
# the service may still be activating when the first answer comes.
check "the service is active" within 30 is_active
status_text=$(property StatusText)
echo "# StatusText=$status_text"
check "the service's STATUS reads like ours" \
    bash -c '[[ "$1" =~ ^[0-9]+\ documents?,\ [0-9]+\ claims?,\ inbox\ (idle|busy) ]]' _ "$status_text"

# --- sandbox
pid=$(property MainPID)
uid=$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")
echo "# MainPID=$pid uid=$uid user=$(ps -o user= -p "$pid")"
check "it runs as a dynamic user (uid $uid in 61184-65519)" bash -c "[ $uid -ge 61184 ] && [ $uid -le 65519 ]"
check "it has no capabilities" bash -c "grep -q '^CapEff:[[:space:]]*0*$' /proc/$pid/status"

# --- inbox, as a member of the group timeline
useradd --create-home --groups timeline analyst
useradd --create-home outsider
article=$(ls "$articles"/*.txt 2>/dev/null | head -n 1)
if [ -z "$article" ]; then
    article=/tmp/article.txt
    printf 'Kyiv, 3 March 2023 - Officials said over 100,000 soldiers were killed.\n' > "$article"
fi
chmod 0644 "$article"
before=$(status_number documents)
runuser -u analyst -- cp "$article" "$inbox/article.txt"
one_more_document() { [ "$(status_number documents)" -gt "$before" ]; }
check "a file dropped into the inbox becomes a document" within 30 one_more_document
check "the file is moved to processed/" within 30 test -f /var/spool/timelined/processed/article.txt
claims=$(status_number claims)
echo "# claims after one article: ${claims:-?}"
if grep -qvx '[[:space:]]*{}[[:space:]]*' /etc/timelined/lexicon.yaml 2>/dev/null; then
    check "its claims are in the timeline" bash -c "[ ${claims:-0} -gt 0 ]"
else
    echo "# the installed lexicon is empty: no claims expected"
fi
check "a member of the group timeline may read" quietly runuser -u analyst -- timelinectl status
check "a user outside it may not connect" bash -c '! runuser -u outsider -- timelinectl status 2>/dev/null'

# --- edits: root and the members of timeline-editors only
useradd --create-home --groups timeline,timeline-editors editor
claim=$(timelinectl claims --json | sed -n 's/^ *"claim" *: *"\([0-9a-f]\{16\}\)".*/\1/p' | head -n 1)
if [ -n "$claim" ]; then
    denied() {
        ! runuser -u analyst -- timelinectl retract "$claim" --reason "not mine" 2>/tmp/denied \
            && grep -q "permission denied: uid $(id -u analyst) may not call io.timelined.Timeline.Retract" /tmp/denied
    }
    check "a reader outside timeline-editors may not retract a claim" denied
    sed 's/^/# /' /tmp/denied
    retracted() {
        runuser -u editor -- timelinectl retract "$claim" --reason "checked by an editor" > /dev/null \
            && timelinectl events | grep '"type":"claim.retracted"' | grep -q '"user":"editor"'
    }
    check "a member of timeline-editors may, and the event names the editor" retracted
else
    echo "# no claim to retract: edits not checked"
fi

# --- reload
pid=$(property MainPID)
check "systemctl reload completes" timeout 30 systemctl reload timelined.service
# journald stores a message after the daemon has sent it: wait for it.
reloaded() {
    is_active && [ "$(property MainPID)" = "$pid" ] \
        && journalctl -q -o cat MESSAGE_ID=$reloaded_id _PID=$pid | grep -q reloaded
}
check "the reload re-read the lexicon, in the same process" within 10 reloaded

# --- watchdog
mkdir -p /run/systemd/system/timelined.service.d
printf '[Service]\nWatchdogSec=2s\nTimeoutAbortSec=5s\n' > /run/systemd/system/timelined.service.d/watchdog.conf
systemctl daemon-reload
systemctl restart timelined.service
stalled=$(property MainPID)
kill -STOP "$stalled"
new_pid() { local p; p=$(property MainPID); [ "$p" != 0 ] && [ "$p" != "$stalled" ] && is_active; }
check "a stalled daemon (SIGSTOP) is killed by the watchdog and restarted on a new pid" within 30 new_pid
journalctl -q -u timelined.service -o cat | grep -i watchdog | head -n 2 | sed 's/^/# /'
check "the restarted daemon answers" within 30 quietly timelinectl status
rm -r /run/systemd/system/timelined.service.d
systemctl daemon-reload

# --- journal
entry=$(journalctl -q -o verbose MESSAGE_ID=$received_id | head -n 40)
echo "$entry" | grep -E '^ +(MESSAGE|PRIORITY|MESSAGE_ID|DOCUMENT|SEQ|CODE_FILE|CODE_LINE)=' | sed 's/^ */# /'
check "journalctl shows a received document with DOCUMENT=, SEQ=, CODE_FILE=" \
    bash -c 'grep -q "DOCUMENT=" <<<"$1" && grep -q "SEQ=" <<<"$1" && grep -q "CODE_FILE=" <<<"$1" && grep -q "PRIORITY=6" <<<"$1"' _ "$entry"
check "journalctl finds the daemon's ready message by its MESSAGE_ID" \
    bash -c "journalctl -q -o cat MESSAGE_ID=$ready_id | grep -q ready"
check "journalctl -x explains it from the catalog" \
    bash -c "journalctl -q -x MESSAGE_ID=$received_id | grep -q 'timelined received a document'"

# --- stop
check "systemctl stop ends with Result=success" \
    bash -c 'systemctl stop timelined.service 2>/dev/null && [ "$(systemctl show -P Result timelined.service)" = success ] && [ "$(systemctl show -P ExecMainStatus timelined.service)" = 0 ]'
check "the socket starts it again" quietly timelinectl status

echo "$((count - failed)) passed, $failed failed"
systemctl --no-block exit "$failed"
