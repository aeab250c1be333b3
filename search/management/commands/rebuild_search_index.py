from django.core.management.base import BaseCommand, CommandError

from search import indexing


class Command(BaseCommand):
    help = (
        "Rebuild the search engine's index of one language (--locale fr) or of all, "
        "or (--pending) replay only the changes the engine missed while it was down."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", choices=indexing.languages(), help="Only this language.")
        parser.add_argument("--pending", action="store_true", help="Replay the missed changes instead of rebuilding.")

    def handle(self, *args, locale=None, pending=False, **options):
        engine = indexing.get_engine()
        if engine is None:
            raise CommandError("No search engine configured: set SEARCH_URL (see docs/search.md).")
        # Someone asking for the engine now: try it, even if readers were sent to the database a moment ago.
        engine.breaker.reset()
        if pending:
            done, left = indexing.replay_pending()
            self.stdout.write(f"{done} missed change(s) replayed, {left} still pending.")
            if left:
                raise CommandError("The engine did not take every change; run the command again once it is up.")
            return
        for language in [locale] if locale else indexing.languages():
            self.stdout.write(f"Rebuilding the '{language}' index")
            try:
                count = indexing.rebuild(language, progress=self.progress)
            except Exception as error:
                raise CommandError(f"The search engine failed while rebuilding '{language}': {error}") from error
            self.stdout.write("")
            self.stdout.write(self.style.SUCCESS(f"{language}: {count} document(s) indexed"))

    def progress(self, done, total):
        width = 30
        filled = width * done // total if total else width
        self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()
