from django.apps import AppConfig


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"

    def ready(self):
        from people.models import Person
        from serving.tags import object_tag, tie

        from .models import NewsArticlePage

        # An author's page lists their articles.
        tie(NewsArticlePage, lambda article: {object_tag(Person, article.author_id)} if article.author_id else set())
