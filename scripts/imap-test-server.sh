#!/usr/bin/env bash
# Starts (or stops) a throw-away dovecot IMAP server on 127.0.0.1 for the IMAP intake tests
# (issue #11): STARTTLS on PORT, implicit TLS (IMAPS) on PORT+1, a self-signed certificate for
# 127.0.0.1 whose PEM the tests trust, and two mailboxes with the password `secret`:
# `helpdesk` and `helpdesk2` (each test run uses its own folders, so runs do not meet).
#   scripts/imap-test-server.sh start DIR PORT   -> prints the imap:// URL the tests read
#   scripts/imap-test-server.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?server directory}
port=${3:-55143}

case $cmd in
  start)
    command -v dovecot >/dev/null || { echo "dovecot not found (apt-get install dovecot-imapd)" >&2; exit 1; }
    mkdir -p "$dir/mail" "$dir/run"
    dir=$(cd "$dir" && pwd)
    if [ ! -f "$dir/cert.pem" ]; then
      openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=127.0.0.1" \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
    fi
    # dovecot's login processes refuse to run as root: as root, its own system users serve.
    if [ "$(id -u)" = 0 ]; then
      user=dovecot login=dovenull
      chown -R dovecot: "$dir/mail"
      chmod 755 "$dir"
    else
      user=$(id -un) login=$user
    fi
    group=$(id -gn "$user")
    uid=$(id -u "$user")
    gid=$(id -g "$user")
    # {PLAIN} keeps the test password readable.
    : >"$dir/passwd"
    for name in helpdesk helpdesk2; do
      echo "$name:{PLAIN}secret:$uid:$gid::$dir/mail/$name" >>"$dir/passwd"
    done
    cat >"$dir/dovecot.conf" <<EOF
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/run
instance_name = helpdesk-test-$port
default_internal_user = $user
default_internal_group = $group
default_login_user = $login
log_path = $dir/dovecot.log
ssl = yes
ssl_cert = <$dir/cert.pem
ssl_key = <$dir/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN $dir/passwd
}
userdb {
  driver = passwd-file
  args = $dir/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $((port + 1))
    ssl = yes
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
namespace inbox {
  inbox = yes
  separator = /
}
EOF
    dovecot -c "$dir/dovecot.conf"
    for _ in $(seq 50); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
      sleep 0.1
    done
    echo "imap://helpdesk:secret@127.0.0.1:$port?ca=$dir/cert.pem"
    ;;
  stop)
    [ -f "$dir/dovecot.conf" ] && doveadm -c "$dir/dovecot.conf" stop 2>/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
