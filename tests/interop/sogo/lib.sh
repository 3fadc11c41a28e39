# Helpers shared by setup.sh and stop.sh (sourced, not run).

# pid_alive PIDFILE COMM: the pid in PIDFILE runs and its command name contains COMM
# (so a stale pid file never makes us touch some unrelated process).
pid_alive() {
    local pid
    [ -s "$1" ] || return 1
    pid=$(head -n1 "$1" | tr -dc 0-9)
    [ -n "$pid" ] && alive "$pid" && grep -q -- "$2" "/proc/$pid/comm" 2>/dev/null
}

# alive PID: exists and is not a zombie
alive() {
    [ -r "/proc/$1/stat" ] && [ "$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ]
}

# port_open PORT: something accepts connections on 127.0.0.1:PORT
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_port PORT SECONDS
wait_port() {
    local i
    for ((i = 0; i < $2 * 10; i++)); do port_open "$1" && return 0; sleep 0.1; done
    return 1
}

# eas_options URL USER PASS: prints the HTTP status of an authenticated OPTIONS
# (python3 instead of curl: one dependency less on CI machines)
eas_options() {
    python3 - "$@" <<'PY'
import base64, sys, urllib.request, urllib.error
url, user, password = sys.argv[1:4]
req = urllib.request.Request(url, method='OPTIONS')
req.add_header('Authorization', 'Basic ' + base64.b64encode(f'{user}:{password}'.encode()).decode())
try:
    print(urllib.request.urlopen(req, timeout=5).status)
except urllib.error.HTTPError as e:
    print(e.code)
except Exception:
    print('000')
PY
}
