from django.urls import path

from doingoai.programs import views

app_name = "programs"

# Pages other than the registries' own (those come from registry.py).
urlpatterns = [
    path("export/", views.ProgramExportView.as_view(), name="export"),
    path("<int:pk>/versions/", views.ProgramVersionsView.as_view(), name="program_versions"),
    path("<int:pk>/export/docx/", views.PlanDocxView.as_view(), name="plan_docx"),
    path("<int:pk>/export/tasks/", views.PlanTasksExportView.as_view(), name="plan_tasks_xlsx"),
    path("<int:pk>/budget-appraisal/", views.PlanBudgetAppraisalView.as_view(), name="plan_budget_appraisal"),
]
