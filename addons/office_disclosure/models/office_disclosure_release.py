from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions

from .office_disclosure_release_mixin import OFFICER

_lt = LazyTranslate(__name__)

RELEASE_KINDS = [
    ("proactive", "Proactive disclosure"),
    ("news", "News item"),
    ("report", "Information report"),
    ("interpretation", "Policy interpretation"),
]
RELEASE_CHANNELS = [
    ("website", "Government website"),
    ("wechat", "WeChat account"),
    ("screen", "Electronic screen"),
    ("bulletin", "Bulletin board"),
    ("upper", "Report to a higher level"),
    ("press", "Newspaper or broadcast"),
]
RELEASE_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("published", "Released"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeDisclosureRelease(models.Model):
    """A text the agency releases (发布): a proactive disclosure (主动公开),
    a news item (新闻宣传), an information report to a higher level (信息报送)
    or the policy interpretation (政策解读) of a policy the drafting
    department issued (003 第二十四条, 第三十九条, 表11, 表19; 004 一(二)6,
    一(四)).

    A department drafts it; its head and the office give the secrecy review
    (``office.disclosure.release.mixin``); the deputy in charge of its line —
    or the office director when none is named — approves it
    (``tier.definition`` records); a disclosure officer releases it, which
    is refused without the secrecy review or when the text quotes a
    classified record. A proactive disclosure is due a number of working
    days after the information was made or changed (company setting).

    Rights:

    ==================  =========================  ============================
    who                 read                       act
    ==================  =========================  ============================
    staff               own drafts                 draft, submit, cancel own
    department head     the department's           the department's review
    disclosure officer  all                        office review, release, all
    reviewers           what they review           approve, refuse (tier.review)
    internal control    all                        nothing
    ==================  =========================  ============================
    """

    _name = "office.disclosure.release"
    _description = "Release to the Public"
    _inherit = ["office.request.mixin", "office.disclosure.release.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.disclosure.release"
    _workflow_owner_groups = (OFFICER,)
    _workflow_transitions = request_transitions(
        publish={
            "from": ("approved",),
            "to": "published",
            "groups": (OFFICER,),
            "label": _lt("release"),
        },
        cancel={"reason": True},
    )
    _workflow_locked_fields = (
        "title",
        "body",
        "kind",
        "channel",
        "department_id",
        "deputy_id",
        "source_ref",
        "date_made",
        "company_id",
    )
    _workflow_activities = {
        "approved": (
            "office_disclosure.mail_act_office_disclosure_release",
            "_disclosure_officers",
        ),
    }
    _disclosure_text_fields = ("title", "body")
    _disclosure_transition_fields = ("date_published", "is_late")

    title = fields.Char(required=True, tracking=True)
    body = fields.Text(string="Text", required=True)
    kind = fields.Selection(
        RELEASE_KINDS, required=True, default="news", tracking=True, index=True
    )
    channel = fields.Selection(
        RELEASE_CHANNELS, required=True, default="website", tracking=True
    )
    applicant_id = fields.Many2one(string="Drafted by")
    department_id = fields.Many2one(string="Drafting department")
    deputy_id = fields.Many2one(
        "res.users",
        string="Deputy in charge",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
        help="The leader in charge of the line who approves the release; without "
        "one the office director (general section) approves it.",
    )
    date_made = fields.Date(
        string="Made or changed on",
        help="The day the information to disclose was made or last changed: the "
        "proactive disclosure deadline counts from it.",
    )
    date_due = fields.Date(
        string="Release due",
        compute="_compute_date_due",
        store=True,
        index=True,
    )
    state = fields.Selection(
        RELEASE_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_published = fields.Date(string="Released on", readonly=True, copy=False)
    is_late = fields.Boolean(
        string="Released late", readonly=True, copy=False, index=True
    )
    adopted = fields.Boolean(
        string="Adopted by a higher level",
        tracking=True,
        help="An information report used by a higher level: counted per "
        "department for the year's assessment.",
    )
    adopted_by = fields.Char(string="Adopted by", tracking=True)

    @api.depends("kind", "date_made", "company_id.office_disclosure_proactive_days")
    def _compute_date_due(self):
        calendar = self.env["office.calendar"]
        for release in self:
            if release.kind != "proactive" or not release.date_made:
                release.date_due = False
                continue
            release.date_due = calendar.add_working_days(
                release.date_made,
                release.company_id.office_disclosure_proactive_days,
                release.company_id,
            )

    @api.depends("name", "title")
    def _compute_display_name(self):
        for release in self:
            release.display_name = release.title or release.name

    def _disclosure_officers(self):
        group = self.env.ref(OFFICER)
        return group.sudo().users.filtered(lambda u: self.company_id in u.company_ids)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_publish(self):
        return self._workflow_run("publish")

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_can_submit(self, **_kwargs):
        for release in self:
            if not release.department_id:
                raise UserError(
                    self.env._(
                        "Give the drafting department of “%(release)s”: its head "
                        "gives the secrecy review.",
                        release=release.display_name,
                    )
                )
            if release.kind == "proactive" and not release.date_made:
                raise UserError(
                    self.env._(
                        "Give the day the information of “%(release)s” was made or "
                        "changed: its disclosure deadline counts from it.",
                        release=release.display_name,
                    )
                )
        self._disclosure_check_release()

    def _check_can_publish(self, **_kwargs):
        self._office_check_decided("validated")
        # a record may have been classified since the review
        self._disclosure_check_release()

    def _do_publish(self, at=None, **kwargs):
        # `at`: the day of a release registered afterwards (Python only)
        today = fields.Date.to_date(at) if at else self._workflow_today()
        for release in self:
            release._workflow_set_state(
                "publish",
                {
                    "date_published": today,
                    "is_late": bool(release.date_due and today > release.date_due),
                },
                **kwargs,
            )

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_due(self, limit=500):
        """Chase the proactive disclosures near or past their deadline."""
        for company in self.env["res.company"].search([]):
            horizon = self.env["office.calendar"].add_working_days(
                self.env["office.calendar"].today(company),
                company.office_disclosure_remind_days,
                company,
            )
            self._office_remind(
                [
                    ("company_id", "=", company.id),
                    ("kind", "=", "proactive"),
                    ("state", "not in", ("published", "cancel")),
                    ("date_due", "<=", horizon),
                ],
                "office_disclosure.mail_act_office_disclosure_due",
                "applicant_id",
                deadline_field="date_due",
                limit=limit,
            )
