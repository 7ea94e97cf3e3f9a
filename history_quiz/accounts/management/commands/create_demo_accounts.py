from django.core.management.base import BaseCommand

from history_quiz.accounts.services import demo_accounts_ensure


class Command(BaseCommand):
    help = "Create the demo admin, teacher and students (resetting their passwords)."

    def handle(self, *args, **options):
        accounts = demo_accounts_ensure()
        self.stdout.write("Demo accounts (username / password):")
        for account in accounts:
            role = "admin" if account.is_admin else account.role
            self.stdout.write(f"  {role:<8} {account.username:<10} {account.password}")
