from django.urls import path

from doingoai.reporting import views

app_name = "reporting"

urlpatterns = [
    path("", views.PeriodListView.as_view(), name="period_list"),
    path("open/", views.PeriodOpenView.as_view(), name="period_add"),
    path("<int:pk>/", views.PeriodDetailView.as_view(), name="period_detail"),
    path("<int:pk>/edit/", views.PeriodEditView.as_view(), name="period_edit"),
    path("<int:pk>/close/", views.PeriodCloseView.as_view(), name="period_close"),
    path("<int:pk>/consolidated/", views.ConsolidatedView.as_view(), name="period_consolidated"),
    path("<int:pk>/consolidated/export/", views.PeriodExportView.as_view(), name="period_export"),
    path("export/<int:pk>/", views.ExportStatusView.as_view(), name="export_detail"),
    path("export/<int:pk>/download/", views.ExportDownloadView.as_view(), name="export_download"),
    path("report/<int:pk>/", views.UnitReportDetailView.as_view(), name="unitreport_detail"),
    path("report/<int:pk>/action/<str:name>/", views.UnitReportActionView.as_view(), name="unitreport_action"),
    path("report/<int:pk>/attach/", views.AttachmentUploadView.as_view(), name="unitreport_attach"),
    path("attachment/<int:pk>/", views.AttachmentDownloadView.as_view(), name="attachment_download"),
    path("attachment/<int:pk>/remove/", views.AttachmentRemoveView.as_view(), name="attachment_remove"),
    path("version/<int:pk>/", views.VersionDetailView.as_view(), name="version_detail"),
    path("compliance/", views.ComplianceView.as_view(), name="compliance"),
    path("committee/", views.CommitteeView.as_view(), name="committee"),
    path("plans/<int:pk>/", views.PlanReportingView.as_view(), name="plan_reporting"),
    path("plans/<int:pk>/export/<str:fmt>/", views.PlanReportingExportView.as_view(), name="plan_reporting_export"),
    path("deadlines/", views.DeadlineListView.as_view(), name="deadlines"),
    path("inbox/", views.InboxView.as_view(), name="inbox"),
    path("inbox/<int:pk>/", views.NotificationOpenView.as_view(), name="notification_open"),
]
