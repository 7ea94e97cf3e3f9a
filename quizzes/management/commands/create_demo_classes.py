from django.core.management.base import BaseCommand

from quizzes.services.classes_demo import demo_classroom_ensure


class Command(BaseCommand):
    help = "Create the demo class (the demo students, a lesson and a quiz some have taken)."

    def handle(self, *args, **options):
        classroom = demo_classroom_ensure()
        if classroom is None:
            self.stderr.write("No demo teacher: run create_demo_accounts first.")
            return
        self.stdout.write(f"Demo class “{classroom}”: join code {classroom.join_code}")
