# Varnish in front of the app servers (docs/production.md).
#
# Varnish caches only what Django marks cacheable (Cache-Control: public, set
# by the page cache for anonymous readers), and passes the rest: the admin,
# previews, documents (private ones are checked by Django), POSTs, logged-in
# users and the language redirect at "/" (it depends on the reader's cookie
# and Accept-Language). Each response names what it shows in its `xkey`
# header (cache tags: `page-12`, `person-8`, `menus`, `site`); the app servers
# purge by tag (serving/tags.py: PURGE with an `xkey-purge` header listing the
# tags), through the xkey vmod of Debian's varnish-modules (docs/caching.md).
#
# The app servers are declared in backends.vcl, next to this file: a director
# named `apps` with health probes on /healthz (services/varnish.sh writes it
# for the tests; deploy/varnish/backends.example.vcl is a production one).
vcl 4.1;

import directors;
import std;
import xkey;

include "backends.vcl";

# Who may purge: the app servers. Add their addresses in production.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = apps.backend();

    # Stale-if-error (docs/production.md, "Outages"): an expired copy is served
    # for 5 minutes while a fresh one is fetched, and for 24 hours when the app
    # servers answer an error (PostgreSQL away: their 503), see vcl_deliver.
    if (req.restarts > 0) {
        set req.grace = 24h;
    } else {
        set req.grace = 5m;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every object carrying one of the tags goes, whatever its URL (pages
        # of a listing, filters, an old address) or host.
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header required"));
        }
        return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge)));
    }
    # The application only ever sees the address Varnish got the request from,
    # appended to X-Forwarded-For by Varnish itself (TRUSTED_PROXY_COUNT=1 on
    # the app servers then reads the reader's address from it).

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents|_util)/" || req.url ~ "^/(healthz|readyz)$" || req.url ~ "^/(\?.*)?$") {
        return (pass);
    }
    # Previews are served under the admin, but a page opened with a preview or
    # sharing token in its query string is personal too.
    if (req.url ~ "[?&](preview|token)=") {
        return (pass);
    }
    # A logged-in user (editor preview links, admin bar) always reaches Django.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Campaign parameters do not change the page: dropped, a link shared with
    # them is served from the same cache object as the plain page.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]$", "");
    }
    # Anonymous readers: no cookie is needed to render a public page, and
    # keeping one would make every reader's request unique.
    unset req.http.Cookie;
    set req.http.X-Stale-If-Error = "1";
    return (hash);
}

sub vcl_backend_fetch {
    unset bereq.http.X-Stale-If-Error;
}

sub vcl_backend_response {
    # An error never replaces a copy: a background fetch's is dropped (the
    # reader got the stale copy), another one is passed on without being kept,
    # so that a retry with the long grace still finds the copy.
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        return (deliver);
    }
    # Text is kept and sent gzipped (unzipped for the rare reader who does not
    # take gzip); the app servers compress it already, except tiny responses.
    if (!beresp.http.Content-Encoding && beresp.http.Content-Type ~ "^(text/|application/(json|manifest\+json|xml|rss\+xml|atom\+xml|javascript)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    # Only what Django says may be shared is kept: never a response setting a
    # cookie, a private or no-store one, or one without Cache-Control.
    if (beresp.http.Set-Cookie
        || !beresp.http.Cache-Control
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Django's max-age is for browsers, which cannot be purged: Varnish keeps
    # the page until a tag it carries is purged, for ten minutes at most like the page
    # cache (PAGE_CACHE_TIMEOUT), since listings of upcoming events change with
    # the date alone. It may serve it stale while it fetches a fresh copy, or
    # while the app servers fail (the grace, limited per request in vcl_recv).
    set beresp.ttl = 10m;
    set beresp.grace = 24h;
    set beresp.keep = 1h;
}

sub vcl_deliver {
    # A cacheable page the app servers could not render: once more, with the
    # long grace, which serves a stale copy if Varnish holds one.
    if (resp.status >= 500 && req.restarts == 0 && req.http.X-Stale-If-Error) {
        return (restart);
    }
    # Tags are for purging, not for readers.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
