# Varnish in front of N Copydesk instances (docs/deploying.md). Varnish 7 with varnish-modules (xkey).
#
# Public pages carry `xkey: public:story:<slug> public:index`; when a story changes, each instance's purge
# job (lib/delivery/purge-story.ts) sends `PURGE /` with `xkey-purge: <tags>`, which drops every object
# carrying one of those tags at once. Photo files (/media/<sha256>.<ext>, kept a year) carry `media:<sha256>`,
# purged when a legal removal takes their photo out (lib/media/remove-photo-files.ts). Pages otherwise live for the origin's s-maxage, and are served stale
# for up to a day when no instance answers its health check (stale-if-error).
vcl 4.1;

import std;
import xkey;
import directors;

# BACKENDS-BEGIN: one `backend` per Copydesk instance, each added to the director below.
probe copydesk_health {
    .url = "/api/health";
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "3000";
    .probe = copydesk_health;
}

backend app2 {
    .host = "127.0.0.1";
    .port = "3001";
    .probe = copydesk_health;
}

sub vcl_init {
    new copydesk = directors.round_robin();
    copydesk.add_backend(app1);
    copydesk.add_backend(app2);
}
# BACKENDS-END

# Who may purge: the Copydesk instances' addresses (the purge job runs inside them).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = copydesk.backend();

    # Varnish has already appended the client's address (client.ip) to X-Forwarded-For; Copydesk counts
    # sign-in failures against that rightmost entry (TRUST_PROXY=1, docs/deploying.md). Never set or unset
    # X-Forwarded-For here: the client's own entries stay on the left, where they are ignored.

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header required"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # The newsroom's own side and the API are never shared.
    if (req.url ~ "^/(desk|api|signin|_next/data)(/|\?|$)") {
        return (pass);
    }

    # Public pages are the same for every reader: cookies (e.g. an editor's session) do not change them.
    unset req.http.Cookie;
    unset req.http.Authorization;

    # One cached copy per encoding the origin makes (Vary: Accept-Encoding), whatever the browser's spelling.
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    set req.http.X-Copydesk-Encoding = req.http.Accept-Encoding;

    # While an instance answers its health check, stale pages are served only briefly while refetching.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

sub vcl_backend_fetch {
    # Varnish asks for gzip on its own; the origin also makes brotli, so ask for what the reader asked for.
    if (bereq.http.X-Copydesk-Encoding) {
        set bereq.http.Accept-Encoding = bereq.http.X-Copydesk-Encoding;
    } else {
        unset bereq.http.Accept-Encoding;
    }
    unset bereq.http.X-Copydesk-Encoding;
}

sub vcl_backend_response {
    # The origin compressed already (once per page); Varnish keeps its bytes as they are.
    set beresp.do_gzip = false;
    set beresp.do_gunzip = false;
    # Kept for a day past its lifetime, for stale-if-error while no instance is healthy.
    set beresp.grace = 24h;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
