import logging

from markupsafe import Markup

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.mail.controllers.mail import MailController

_logger = logging.getLogger(__name__)


class OfficeApprovalController(http.Controller):
    """Signed links of the approval e-mails (as Odoo's leave approvals): the
    reviewer logs in if needed, sees the request, then approves with a button
    or gives a reason; both decisions are POSTs with Odoo's CSRF token. A
    link opened by anyone but a reviewer shows nothing."""

    def _review_from_link(self, action, res_id, token):
        """The review a signed link names, or None. The token signs the path
        and the review id only, so the refusal form can post its reason."""
        try:
            res_id = int(res_id)
        except (TypeError, ValueError):
            return None
        expected = request.env["mail.thread"]._encode_link(
            f"/office/approval/{action}", {"res_id": res_id}
        )
        if not consteq(expected, str(token or "")):
            _logger.info("Invalid approval link token for review %s", res_id)
            return None
        review = request.env["tier.review"].browse(res_id).exists()
        return review or None

    @http.route(
        "/office/approval/approve", type="http", auth="user", methods=["GET", "POST"]
    )
    def office_approval_approve(self, res_id, token, **kwargs):
        """A GET (the link opened, or an image a page embeds) only shows the
        request and a button; the decision is the button's POST, which
        Odoo's CSRF token protects."""
        review = self._review_from_link("approve", res_id, token)
        if review is None or not review._office_link_readable():
            return MailController._redirect_to_messaging()
        if request.httprequest.method == "GET":
            return request.render(
                "office_base.approval_approve_page",
                {"review": review, "res_id": res_id, "token": token},
            )
        try:
            review.action_office_approve()
        except (AccessError, UserError) as error:
            return self._render_result(review, str(error), ok=False)
        return self._render_result(review, request.env._("Approved."))

    @http.route(
        "/office/approval/refuse", type="http", auth="user", methods=["GET", "POST"]
    )
    def office_approval_refuse(self, res_id, token, reason=None, **kwargs):
        review = self._review_from_link("refuse", res_id, token)
        if review is None or not review._office_link_readable():
            return MailController._redirect_to_messaging()
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
