from wagtail import hooks


@hooks.register("before_serve_page", order=-100)
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Tells the page cache which page answers, before Wagtail's view
    restrictions may answer instead (a password form, a login redirect)."""
    request.page_cache_page = page
