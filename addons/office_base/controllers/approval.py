from markupsafe import Markup

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.mail.controllers.mail import MailController


class OfficeApprovalController(http.Controller):
    """Signed links of the approval e-mails (as Odoo's leave approvals): the
    reviewer logs in if needed, then approves at once or gives a reason."""

    def _review_from_link(self, res_id, token):
        comparison, review, redirect = MailController._check_token_and_record_or_redirect(
            "tier.review", int(res_id), token
        )
        return (review if comparison and review else None), redirect

    @http.route("/office/approval/approve", type="http", auth="user", methods=["GET"])
    def office_approval_approve(self, res_id, token):
        review, redirect = self._review_from_link(res_id, token)
        if review is None:
            return redirect
        try:
            review.action_office_approve()
        except (AccessError, UserError) as error:
            return self._render_result(review, str(error), ok=False)
        return self._render_result(review, request.env._("Approved."))

    @http.route(
        "/office/approval/refuse", type="http", auth="user", methods=["GET", "POST"]
    )
    def office_approval_refuse(self, res_id, token, reason=None, **kwargs):
        review, redirect = self._review_from_link(res_id, token)
        if review is None:
            return redirect
        if request.httprequest.method == "GET" or not (reason or "").strip():
            return request.render(
                "office_base.approval_refuse_page",
                {"review": review, "res_id": res_id, "token": token},
            )
        try:
            review.office_refuse(reason)
        except (AccessError, UserError) as error:
            return self._render_result(review, str(error), ok=False)
        return self._render_result(review, request.env._("Refused."))

    def _render_result(self, review, message, ok=True):
        return request.render(
            "office_base.approval_result_page",
            {"review": review, "message": Markup.escape(message), "ok": ok},
        )
