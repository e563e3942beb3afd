from odoo import fields, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request
from odoo.tools import consteq


class OfficeMeetingSignIn(http.Controller):
    """The page the meeting's QR code opens on a participant's phone: the
    participant logs in, sees the meeting and signs in (the attendee's
    ``sign_in`` transition, as himself, with the token of the code)."""

    def _meeting(self, meeting_id, token):
        # the token proves the participant scanned the code in the room; the
        # meeting is then read as the participant (record rules apply)
        meeting = request.env["office.meeting"].browse(meeting_id).exists()
        if not meeting or not consteq(str(token), meeting.sudo().access_token or ""):
            raise request.not_found()
        return meeting

    @http.route(
        "/office_meeting/sign_in/<int:meeting_id>/<string:token>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=False,
    )
    def sign_in(self, meeting_id, token, **post):
        meeting = self._meeting(meeting_id, token)
        attendee = meeting.attendee_ids.filtered(
            lambda a: a.user_id == request.env.user
        )
        message = error = None
        if request.httprequest.method == "POST":
            try:
                if not attendee:
                    raise UserError(
                        request.env._("You are not on the list of this meeting.")
                    )
                attendee.sign_in(token=token)
                message = request.env._("Signed in. Welcome.")
            except (UserError, AccessError) as exc:
                request.env.cr.rollback()
                error = exc.args[0]
        return request.render(
            "office_meeting.sign_in_page",
            {
                "meeting": meeting,
                "when": fields.Datetime.context_timestamp(
                    meeting, meeting.date_start
                ).strftime("%Y-%m-%d %H:%M"),
                "attendee": attendee,
                "token": token,
                "message": message,
                "error": error,
            },
        )
