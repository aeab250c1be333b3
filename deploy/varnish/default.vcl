# Varnish in front of the app servers (README, "Running in production").
#
# Varnish caches only what Django marks cacheable (Cache-Control: public, set
# by the page cache for anonymous readers), and passes the rest: the admin,
# previews, documents (private ones are checked by Django), POSTs, logged-in
# users and the language redirect at "/" (it depends on the reader's cookie
# and Accept-Language). Wagtail purges pages through
# wagtail.contrib.frontend_cache's HTTP backend (PURGE, from the app servers).
#
# The app servers are declared in backends.vcl, next to this file: a director
# named `apps` with health probes on /healthz (services/varnish.sh writes it
# for the tests; write yours for production).
vcl 4.1;

import directors;
import std;

include "backends.vcl";

# Who may purge: the app servers. Add their addresses in production.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = apps.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents|_util)/" || req.url ~ "^/(healthz|readyz)$" || req.url ~ "^/(\?.*)?$") {
        return (pass);
    }
    # A logged-in user (editor preview links, admin bar) always reaches Django.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous readers: no cookie is needed to render a public page, and
    # keeping one would make every reader's request unique.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Only what Django says may be shared is kept: never a response setting a
    # cookie, a private or no-store one, or one without Cache-Control.
    if (beresp.http.Set-Cookie
        || !beresp.http.Cache-Control
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # A page cached for max-age may be served stale for a while when every app
    # server is down (Cache-Control's stale-while-revalidate sets the grace).
    set beresp.keep = 1h;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
