"""Autocomplete: titles starting like what the reader is typing."""

import logging

from django.db.models import Q

from ..breaker import describe
from ..indexing import get_engine, visible_pages
from .engine import hydrate, suggest_body
from .results import page_hit

logger = logging.getLogger(__name__)

MAX_SUGGEST_LENGTH = 100
MIN_SUGGEST_LENGTH = 2


def suggestions(query, limit=8):
    """[Hit] whose title starts like `query.text` (cut at MAX_SUGGEST_LENGTH); none below MIN_SUGGEST_LENGTH characters."""
    text = query.text[:MAX_SUGGEST_LENGTH]
    if len(text) < MIN_SUGGEST_LENGTH:
        return []
    engine = get_engine()
    if engine is not None:
        try:
            return hydrate(query.language, engine.search_raw(query.language, suggest_body(text, limit))["hits"]["hits"])
        except Exception as error:
            logger.warning("Search engine unavailable for suggestions (%s)", describe(error))
    condition = Q()
    for word in text.split()[:5]:
        condition &= Q(title__icontains=word)
    return [
        page_hit(page) for page in visible_pages(query.language).filter(condition).specific().order_by("title")[:limit]
    ]
