#!/usr/bin/env python3
"""Many audits in one process, and merge, at scale (issue 15): AUDITS audits x PAGES pages
each, served by nginx on 16 loopback addresses with crawl delay 0. Prints pages/s, the
process's peak RSS, and how long `merge` takes over the run's shard result.

    scale.py CONTACT_AUDIT WORKDIR AUDITS PAGES
"""
import hashlib
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import time

binary, work, audits, pages = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
hosts = ["127.0.0.%d" % (2 + i) for i in range(16)]
nginx = shutil.which("nginx") or "/usr/sbin/nginx"

# SCALE_PORT fixes the port, so the reports of two builds (which name the URLs) compare.
port = int(os.environ.get("SCALE_PORT", "0"))
if not port:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()

# One start page linking to PAGES-1 contact pages, shared by every audit through a rewrite.
site = os.path.join(work, "site")
os.makedirs(site, exist_ok=True)
links = " ".join('<a href="p%d.html">Контакты %d</a>' % (k, k) for k in range(1, pages))
with open(os.path.join(site, "index.html"), "w") as f:
    f.write('<html lang="ru"><body><h1>Помощь</h1><p>Горячая линия: 8 800 100-70-10</p>%s</body></html>\n' % links)
# Pages that agree with the catalog, as most of a real audit's pages do: few findings, so
# the figures are the pipeline's and not the size of a report full of findings.
for k in range(1, pages):
    with open(os.path.join(site, "p%d.html" % k), "w") as f:
        f.write('<html lang="ru"><body><h1>Контакты %d</h1><p>Телефон: +7 495 727-47-47, круглосуточно</p>'
                '<p><a href="mailto:support@example.ru">support@example.ru</a></p></body></html>\n' % k)

# nginx's workers may run as another user (nobody when started as root).
for directory, _, files in os.walk(work):
    os.chmod(directory, 0o755)
    for name in files:
        os.chmod(os.path.join(directory, name), 0o644)

conf = os.path.join(work, "nginx")
os.makedirs(os.path.join(conf, "logs"), exist_ok=True)
listens = "\n".join("        listen %s:%d;" % (host, port) for host in hosts)
with open(os.path.join(conf, "nginx.conf"), "w") as f:
    f.write("""worker_processes 1;
daemon off;
pid %(conf)s/nginx.pid;
error_log %(conf)s/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path %(conf)s/body;
    proxy_temp_path %(conf)s/proxy;
    fastcgi_temp_path %(conf)s/fastcgi;
    uwsgi_temp_path %(conf)s/uwsgi;
    scgi_temp_path %(conf)s/scgi;
    default_type text/html;
    charset utf-8;
    keepalive_requests 1000000;
    server {
%(listens)s
        root %(site)s;
        location = /robots.txt { return 404; }
        location ~ ^/a[0-9]+/$ { try_files /index.html =404; }
        location ~ ^/a[0-9]+/(p[0-9]+\\.html)$ { try_files /$1 =404; }
    }
}
""" % {"conf": conf, "listens": listens, "site": site})

root = os.path.join(work, "audits")
for i in range(audits):
    name = "a%05d" % i
    os.makedirs(os.path.join(root, name), exist_ok=True)
    with open(os.path.join(root, name, "audit.yaml"), "w") as f:
        f.write("""name: %s
region: RU
catalog:
  phones:
    - number: "8 800 100-70-10"
      channel: hotline
      hours: "24/7"
    - number: "+7 495 727-47-47"
      channel: hotline
      hours: "24/7"
  emails:
    - address: "support@example.ru"
sources:
  - url: http://%s:%d/%s/
    official: true
crawl:
  depth: 1
  max_pages: %d
  delay: 0
""" % (name, hosts[i % len(hosts)], port, name, pages))

def run(arguments):
    """Exit status and peak RSS (MB) of one child, measured for it alone."""
    child = subprocess.Popen(arguments)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, usage.ru_maxrss / 1024


def digest(path):
    """SHA-256 of a report (the first 16 hex digits): before/after runs compare by it."""
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


server = subprocess.Popen([nginx, "-p", conf, "-c", os.path.join(conf, "nginx.conf")], stderr=subprocess.DEVNULL)
try:
    for _ in range(50):
        try:
            socket.create_connection((hosts[0], port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    result = os.path.join(work, "shard.json")
    lines = []
    started = time.monotonic()
    # Reports go to files (not /dev/null: an atomic writer that renames over it, as older
    # versions did, turns /dev/null into a file) and are compared by digest.
    audit_report = os.path.join(work, "audit.json")
    merged_report = os.path.join(work, "merged.json")
    status, peak_mb = run([binary, "audit", root, "--shard", "0/1", "--shard-result", result, "--no-snapshot",
                           "--format", "json", "--output", audit_report, "--fail-on", "never"])
    audit_seconds, audit_peak, audit_status = time.monotonic() - started, peak_mb, status
    started = time.monotonic()
    status, peak_mb = run([binary, "merge", result, "--format", "json", "--output", merged_report, "--fail-on", "never"])
    lines.append("merge: %d audits in %.1f s, peak RSS %.0f MB (shard result %.0f MB), exit %d"
                 % (audits, time.monotonic() - started, peak_mb, os.path.getsize(result) / 1e6, status))
    lines.append("reports (sha256): audit %s, merged %s, shard result %s (%.0f MB report)"
                 % (digest(audit_report), digest(merged_report), digest(result), os.path.getsize(audit_report) / 1e6))
    # The same run without writing a shard result: what the report and the crawl cost alone.
    started = time.monotonic()
    plain_report = os.path.join(work, "plain.json")
    status, peak_mb = run([binary, "audit", root, "--no-snapshot", "--format", "json", "--output", plain_report,
                           "--fail-on", "never"])
    lines.append("audit without --shard-result: %.1f s, peak RSS %.0f MB, report %s"
                 % (time.monotonic() - started, peak_mb, digest(plain_report)))
    os.remove(plain_report)
    if os.environ.get("SCALE_EXTRA"):
        for fmt in ["text", "markdown", "junit", "html"]:
            started = time.monotonic()
            out = os.path.join(work, "merged." + fmt)
            status, peak_mb = run([binary, "merge", result, "--format", fmt, "--output", out, "--fail-on", "never"])
            lines.append("merge --format %s: %.1f s, peak RSS %.0f MB, report %s"
                         % (fmt, time.monotonic() - started, peak_mb, digest(out)))
            os.remove(out)
    # Read last: the parsed file would count in the children's peak RSS (forked from this process).
    with open(result) as f:
        shard = json.loads(f.read())
    fetched = sum(a["summary"]["sources"] for a in shard["audits"])
    unread = sum(a["summary"]["unreadable"] for a in shard["audits"])
    print("audit: %d audits, %d pages (%d unreadable) in %.1f s: %.0f pages/s, peak RSS %.0f MB (target < 500), exit %d"
          % (len(shard["audits"]), fetched, unread, audit_seconds, fetched / audit_seconds, audit_peak, audit_status))
    print("\n".join(lines))
finally:
    server.terminate()
    server.wait()
