"""Serving pages to readers: the request's site and route, view restrictions,
the site-wide data, the page cache and its tags (docs/caching.md).

- `registry`: every thing kept in the cache, with its key parts and the tags
  that invalidate it; the models whose change purges each tag.
- `backends`: the shared cache (Redis) guarded against an outage.
- `tags`: tag versions, the tags of the response being built, purges (the
  app's cache and Varnish).
- `sitewide`: the site-wide data read once per change; the signals that purge.
- `pagecache`, `policy`: whole responses for anonymous readers; `Cache-Control`.
- `routing`, `pages`, `specific`: a URL to its page in few queries; the
  project's page base and queryset, whose `public()` costs no query.
- `wagtail_compat`: the private Wagtail attributes this app relies on.

It sits between `editorial` (the page models) and `security`."""
