from django.urls import path

from doingoai.documents.proposals_xlsx import KINDS
from doingoai.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.ImportIndexView.as_view(), name="index"),
    *[
        path(
            f"proposals/{kind}/template/",
            views.ProposalTemplateView.as_view(),
            {"kind": kind},
            name=f"proposal_template_{kind}",
        )
        for kind in KINDS
    ],
    *[
        path(f"proposals/{kind}/", views.ProposalUploadView.as_view(), {"kind": kind}, name=f"proposal_upload_{kind}")
        for kind in KINDS
    ],
    path("documents/", views.DocumentUploadView.as_view(), name="document_upload"),
    path("documents/<int:pk>/", views.DocumentDetailView.as_view(), name="document_detail"),
    path("documents/<int:pk>/status/", views.DocumentStatusView.as_view(), name="document_status"),
]
