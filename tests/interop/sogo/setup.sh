#!/usr/bin/env bash
# Starts a real Exchange ActiveSync server for Skein's interop tests: SOGo 5.8 +
# sogo-activesync (Debian 12 packages), backed by a private PostgreSQL cluster,
# memcached, Dovecot IMAP (user alice/alicepass, Maildir) and a loopback SMTP
# sink. Everything listens on 127.0.0.1 only; all state lives in
# $SKEIN_INTEROP_STATE (default: a new mktemp dir, printed at the end).
#
# Idempotent: installs only missing packages, starts only what is not running.
# Writes $SKEIN_INTEROP_STATE/env.sh (SKEIN_SOGO_URL, ports, ...) for seed.sh,
# stop.sh and the tests. Must run as root (initdb/dovecot/sogod drop privileges).
#
# Port overrides (defaults below 32768 so they never collide with ephemeral ports):
#   SKEIN_SOGO_PORT SKEIN_INTEROP_PG_PORT SKEIN_INTEROP_MC_PORT
#   SKEIN_INTEROP_IMAP_PORT SKEIN_INTEROP_SMTP_PORT   SKEIN_SOGO_WORKERS
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=${SKEIN_INTEROP_STATE:-$(mktemp -d /tmp/skein-interop-sogo.XXXXXX)}
mkdir -p "$state"
state=$(cd "$state" && pwd)
eas_port=${SKEIN_SOGO_PORT:-29080}
pg_port=${SKEIN_INTEROP_PG_PORT:-29432}
mc_port=${SKEIN_INTEROP_MC_PORT:-29211}
imap_port=${SKEIN_INTEROP_IMAP_PORT:-29143}
smtp_port=${SKEIN_INTEROP_SMTP_PORT:-29025}
workers=${SKEIN_SOGO_WORKERS:-3}
user=alice pass=alicepass domain=example.test
packages=(sogo sogo-activesync dovecot-imapd postgresql memcached python3)

log() { printf '[sogo-setup %s] %s\n' "$(date +%T)" "$*"; }
die() { printf '[sogo-setup] error: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "run as root: it installs packages and starts daemons as their own users"
source "$here/lib.sh"

# --- 1. packages -------------------------------------------------------------
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    t0=$SECONDS
    export DEBIAN_FRONTEND=noninteractive
    apt-cache policy sogo-activesync 2>/dev/null | grep -q 'Candidate: [0-9]' || apt-get update -qq
    # A policy-rc.d that says "no" keeps the packages' postinst from starting the
    # stock daemons on their standard ports (we start private instances below).
    own_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
        own_policy=1
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
    if [ $own_policy -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
    log "installed in $((SECONDS - t0)) s"
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)

# --- 2. refuse ports some other program holds --------------------------------
# (our own daemons from an earlier run are fine: they are reused below)
check_port() { # name port pidfile comm
    if port_open "$2" && ! pid_alive "$3" "$4"; then
        die "port 127.0.0.1:$2 ($1) is taken by another program; set its override or SKEIN_INTEROP_STATE to the running instance"
    fi
}
check_port PostgreSQL "$pg_port" "$state/pgdata/postmaster.pid" postgres
check_port memcached "$mc_port" "$state/pids/memcached.pid" memcached
check_port Dovecot "$imap_port" "$state/dovecot/base/master.pid" dovecot
check_port "SMTP sink" "$smtp_port" "$state/pids/smtp-sink.pid" python3
check_port SOGo "$eas_port" "$state/pids/sogod.pid" sogod

# --- 3. users and directories -----------------------------------------------
# Mail files belong to a dedicated unprivileged system user, not to root.
getent passwd skeinmail >/dev/null ||
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin skeinmail
mail_uid=$(id -u skeinmail) mail_gid=$(id -g skeinmail)
chmod 755 "$state"   # postgres, sogo and skeinmail must reach their sub-folders
mkdir -p "$state"/{log,pids,dovecot,dovecot-state,mail,outbox,sogo-home}
install -d -o postgres -g postgres -m 700 "$state/pgsock"
chown skeinmail:skeinmail "$state/mail" "$state/outbox"
chown -R sogo:sogo "$state/sogo-home"
touch "$state"/log/{postgresql,sogo,memcached,dovecot,smtp-sink}.log
chown postgres "$state/log/postgresql.log"
chown sogo "$state/log/sogo.log"
chown skeinmail "$state/log/smtp-sink.log"
# sogod keeps temporary uploads and its GNUstep runtime state here
install -d -o sogo -g sogo -m 750 /var/spool/sogo
install -d -o sogo -g sogo -m 755 /run/sogo

# --- 4. PostgreSQL: private cluster, TCP on loopback only -------------------
pgdata=$state/pgdata
if [ ! -s "$pgdata/PG_VERSION" ]; then
    log "initdb"
    install -d -o postgres -g postgres -m 700 "$pgdata"
    runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >"$state/log/initdb.log" 2>&1 ||
        { cat "$state/log/initdb.log"; die "initdb failed"; }
fi
if ! runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$pg_port"
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$state/log/postgresql.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$state/pgsock -c fsync=off -c synchronous_commit=off -c shared_buffers=32MB" \
        start >/dev/null || { tail -20 "$state/log/postgresql.log"; die "PostgreSQL did not start"; }
fi
psql_admin() { runuser -u postgres -- psql -X -q -h "$state/pgsock" -p "$pg_port" -v ON_ERROR_STOP=1 "$@"; }
# SOGo creates its own tables; it only needs a database and a user table to log in with.
psql_admin -d postgres >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sogo') THEN CREATE ROLE sogo LOGIN PASSWORD 'sogo'; END IF;
END \$\$;
SELECT 'CREATE DATABASE sogo OWNER sogo' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'sogo')\gexec
SQL
psql_admin -d sogo >/dev/null <<SQL
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS sogo_users (c_uid varchar(255) PRIMARY KEY, c_name varchar(255) NOT NULL,
    c_password varchar(255) NOT NULL, c_cn varchar(255), mail varchar(255));
ALTER TABLE sogo_users OWNER TO sogo;
INSERT INTO sogo_users VALUES ('$user', '$user', '$pass', 'Alice Example', '$user@$domain') ON CONFLICT DO NOTHING;
SQL

# --- 5. memcached (SOGo refuses to work without it) --------------------------
if ! pid_alive "$state/pids/memcached.pid" memcached; then
    log "starting memcached on 127.0.0.1:$mc_port"
    setsid setpriv --reuid=memcache --regid=memcache --clear-groups \
        /usr/bin/memcached -l 127.0.0.1 -p "$mc_port" -U 0 -m 32 </dev/null >>"$state/log/memcached.log" 2>&1 &
    echo $! >"$state/pids/memcached.pid"
    wait_port "$mc_port" 10 || die "memcached did not start"
fi

# --- 6. Dovecot: private instance, passwd-file user, Maildir ------------------
printf '%s:{PLAIN}%s:%s:%s::%s::\n' "$user" "$pass" "$mail_uid" "$mail_gid" "$state/mail/$user" >"$state/dovecot/users"
chown root:dovecot "$state/dovecot/users" && chmod 640 "$state/dovecot/users"
install -d -o skeinmail -g skeinmail -m 700 "$state/mail/$user"
cat >"$state/dovecot/dovecot.conf" <<CONF
# private Dovecot for Skein's SOGo interop tests (generated by setup.sh)
instance_name = skein-interop-dovecot
base_dir = $state/dovecot/base
state_dir = $state/dovecot-state
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
log_path = $state/log/dovecot.log
first_valid_uid = $mail_uid
last_valid_uid = $mail_uid
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN $state/dovecot/users
}
userdb {
  driver = passwd-file
  args = $state/dovecot/users
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
# the stock anvil chroot needs /run/dovecot; a private base_dir cannot use it
service anvil {
  chroot =
}
protocol imap {
  mail_max_userip_connections = 50
}
CONF
if ! pid_alive "$state/dovecot/base/master.pid" dovecot; then
    log "starting Dovecot on 127.0.0.1:$imap_port"
    /usr/sbin/dovecot -c "$state/dovecot/dovecot.conf" </dev/null >>"$state/log/dovecot.log" 2>&1 ||
        { tail -20 "$state/log/dovecot.log"; die "Dovecot did not start"; }
    wait_port "$imap_port" 15 || { tail -20 "$state/log/dovecot.log"; die "Dovecot is not listening"; }
fi

# --- 7. SMTP sink: SOGo submits SendMail/SmartReply here; nothing is relayed --
if ! pid_alive "$state/pids/smtp-sink.pid" python3; then
    log "starting SMTP sink on 127.0.0.1:$smtp_port"
    setsid setpriv --reuid=skeinmail --regid=skeinmail --clear-groups \
        /usr/bin/python3 -u "$here/smtp-sink.py" "$smtp_port" "$state/outbox" "$user@$domain" "$user" "$pass" "$imap_port" \
        </dev/null >>"$state/log/smtp-sink.log" 2>&1 &
    echo $! >"$state/pids/smtp-sink.pid"
    wait_port "$smtp_port" 10 || { tail -5 "$state/log/smtp-sink.log"; die "SMTP sink did not start"; }
fi

# --- 8. SOGo -----------------------------------------------------------------
# SOGo 5.8 reads its settings from the fixed path /etc/sogo/sogo.conf (and the
# sogo user's GNUstep defaults under its passwd home /run/sogo); both are
# machine-wide. Command-line arguments ("-Key value", NSArgumentDomain) win
# over both, so this instance gets all its settings that way and /etc stays
# untouched. Values are GNUstep property lists.
db="postgresql://sogo:sogo@127.0.0.1:$pg_port/sogo"
sogo_args=(
    -WONoDetach YES
    -WOPort "127.0.0.1:$eas_port"
    -WOWorkersCount "$workers"
    -WOLogFile "$state/log/sogo.log"
    -SOGoProfileURL "$db/sogo_user_profile"
    -OCSFolderInfoURL "$db/sogo_folder_info"
    -OCSSessionsFolderURL "$db/sogo_sessions_folder"
    -OCSEMailAlarmsFolderURL "$db/sogo_alarms_folder"
    -SOGoUserSources "({type = sql; id = users; viewURL = \"$db/sogo_users\"; canAuthenticate = YES; isAddressBook = NO; userPasswordAlgorithm = plain; displayName = Users;})"
    -SOGoIMAPServer "imap://127.0.0.1:$imap_port/?tls=NO"
    -NGImap4ConnectionStringSeparator /
    -SOGoMailingMechanism smtp
    -SOGoSMTPServer "smtp://127.0.0.1:$smtp_port/?tls=NO"
    -SOGoMailDomain "$domain"
    -SOGoSentFolderName Sent
    -SOGoDraftsFolderName Drafts
    -SOGoTrashFolderName Trash
    -SOGoJunkFolderName Junk
    -SOGoMemcachedHost "127.0.0.1:$mc_port"
    -SOGoTimeZone UTC
    -SOGoEnableEMailAlarms NO
    -SOGoEASDebugEnabled YES           # every EAS request/response as XML in sogo.log
    -SOGoMaximumPingInterval 60
    -SOGoMaximumSyncInterval 60
    -SOGoInternalSyncInterval 5
)
printf '%q ' /usr/sbin/sogod "${sogo_args[@]}" >"$state/sogod.cmdline"
if ! pid_alive "$state/pids/sogod.pid" sogod; then
    log "starting sogod on 127.0.0.1:$eas_port ($workers workers)"
    HOME=$state/sogo-home setsid setpriv --reuid=sogo --regid=sogo --init-groups \
        /usr/sbin/sogod "${sogo_args[@]}" </dev/null >>"$state/log/sogod.out" 2>&1 &
    echo $! >"$state/pids/sogod.pid"
fi

url=http://127.0.0.1:$eas_port
path=/SOGo/Microsoft-Server-ActiveSync
cat >"$state/env.sh" <<ENV
# written by tests/interop/sogo/setup.sh; source it to reach this instance
export SKEIN_INTEROP_STATE=$state
export SKEIN_SOGO_URL=$url
export SKEIN_SOGO_PATH=$path
export SKEIN_SOGO_USER=$user
export SKEIN_SOGO_PASSWORD=$pass
export SKEIN_INTEROP_IMAP_PORT=$imap_port
ENV

# --- 9. ready when the EAS endpoint answers OPTIONS with 200 ----------------
log "waiting for $url$path"
for ((i = 0; i < 120; i++)); do
    code=$(eas_options "$url$path" "$user" "$pass")
    [ "$code" = 200 ] && break
    pid_alive "$state/pids/sogod.pid" sogod || { tail -30 "$state/log/sogo.log"; die "sogod exited"; }
    sleep 0.2
done
[ "$code" = 200 ] || { tail -30 "$state/log/sogo.log"; die "SOGo does not answer OPTIONS (HTTP $code)"; }
log "ready: $url$path user $user; state $state"
echo "export SKEIN_INTEROP_STATE=$state"
