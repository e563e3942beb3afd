from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions

from . import office_seal_approval as approval
from .office_seal import SEAL_STATES

_lt = LazyTranslate(__name__)

DEACTIVATION_REASONS = [
    ("rename", "Renaming of the agency or department"),
    ("damage", "Damaged or worn"),
    ("loss", "Lost"),
    ("replacement", "Replaced by a new seal"),
]

DEACTIVATION_ACTIONS = [
    ("deactivate", "Deactivate (停用)"),
    ("destroy", "Destroy and hand in (缴销)"),
]

DEACTIVATION_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("done", "Done"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]

# seal states from which each action may be asked
DEACTIVATION_SOURCES = {
    "deactivate": ("active", "suspended", "lost"),
    "destroy": ("active", "suspended", "lost", "deactivated"),
}
# the seal's transition each approved action runs
DEACTIVATION_SEAL_VERBS = {
    "deactivate": "deactivate_approved",
    "destroy": "destroy_approved",
}


class OfficeSealDeactivation(models.Model):
    """Deactivation (停用) or destruction (缴销) of a seal after a renaming,
    damage, loss or replacement, approved by the principal leader (the
    steps are ``tier.definition`` records). The approval changes the seal's
    state, posts the reason on the seal and gives the notice
    (印章停用/作废通知) as a PDF; then ``_office_archive_prepare`` is called so
    that the physical seal can be archived.

    Rights:

    =====================  ==========================  ===================
    who                    read                        act
    =====================  ==========================  ===================
    seal keepers           their seals' requests       create, submit
    principal leader       what he reviews             approve, refuse
    office director        all                         all
    internal control       all                         none
    =====================  ==========================  ==================="""

    _name = "office.seal.deactivation"
    _description = "Seal Deactivation"
    _inherit = ["office.workflow.mixin", "office.approval.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_sequence_code = "office.seal.deactivation"
    _workflow_owner_field = "requested_by_id"
    _workflow_transitions = request_transitions(
        # the keepers or the office director (_check_can_submit)
        submit={"owner": False},
        approve=None,
        # run as the deciding reviewer
        complete={"from": ("to_approve",), "to": "done", "label": _lt("approve")},
        cancel={"from": ("draft", "to_approve")},
    )
    _workflow_locked_fields = (
        "seal_id",
        "action",
        "reason",
        "description",
        "effective_date",
        "replacement_seal_id",
        "company_id",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    seal_id = fields.Many2one(
        "office.seal",
        required=True,
        check_company=True,
        domain=[("state", "not in", ("destroyed",))],
        tracking=True,
        index=True,
    )
    seal_kind = fields.Selection(related="seal_id.kind")
    action = fields.Selection(
        DEACTIVATION_ACTIONS, required=True, default="deactivate", tracking=True
    )
    reason = fields.Selection(DEACTIVATION_REASONS, required=True, tracking=True)
    description = fields.Text(
        string="Circumstances",
        required=True,
        help="What happened: the new name, the damage, when and where the seal was "
        "lost, the seal that replaces it.",
    )
    effective_date = fields.Date(
        string="Void from",
        required=True,
        default=fields.Date.context_today,
        help="Impressions of this seal dated from this day on are void.",
    )
    replacement_seal_id = fields.Many2one(
        "office.seal", string="Replaced by", check_company=True
    )
    requested_by_id = fields.Many2one(
        "res.users",
        string="Requested by",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    state = fields.Selection(
        DEACTIVATION_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    done_at = fields.Datetime(readonly=True, copy=False)
    seal_state_before = fields.Selection(
        SEAL_STATES, string="Seal state before", readonly=True, copy=False
    )
    approver_ids = fields.Many2many(
        "res.users", string="Approved by", compute="_compute_approver_ids"
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("name", "seal_id")
    def _compute_display_name(self):
        for record in self:
            record.display_name = " ".join(
                part for part in (record.name, record.seal_id.name) if part
            )

    @api.depends("review_ids.status", "review_ids.done_by")
    def _compute_approver_ids(self):
        for record in self:
            record.approver_ids = record._office_approvers()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._workflow_run("submit")

    def _check_can_submit(self):
        for record in self:
            seal = record.seal_id
            if not (
                self.env.user in (seal.custodian_id | seal.deputy_custodian_id)
                or approval.is_director(self.env)
            ):
                raise AccessError(
                    self.env._(
                        "Only a keeper of “%(seal)s” or the office director asks "
                        "for its deactivation.",
                        seal=seal.name,
                    )
                )
            record._check_seal_state()
            pending = self.sudo().search_count(
                [
                    ("seal_id", "=", seal.id),
                    ("state", "=", "to_approve"),
                    ("id", "!=", record.id),
                ]
            )
            if pending:
                raise UserError(
                    self.env._(
                        "A deactivation of “%(seal)s” is already waiting for approval.",
                        seal=seal.name,
                    )
                )
            if record.replacement_seal_id == seal:
                raise UserError(self.env._("A seal cannot replace itself."))

    def _check_seal_state(self):
        labels = dict(
            self.env["office.seal"]._fields["state"]._description_selection(self.env)
        )
        for record in self:
            if record.seal_id.state not in DEACTIVATION_SOURCES[record.action]:
                raise UserError(
                    self.env._(
                        "The seal “%(seal)s” is %(state)s: it cannot be %(action)s.",
                        seal=record.seal_id.name,
                        state=labels[record.seal_id.state],
                        action=dict(
                            self._fields["action"]._description_selection(self.env)
                        )[record.action],
                    )
                )

    def _on_office_validated(self):
        records = self.filtered(lambda r: r.state == "to_approve")
        if records:
            records._workflow_run("complete")

    def _check_can_complete(self):
        self._office_check_decided("validated")
        self._check_seal_state()

    def _do_complete(self):
        now = fields.Datetime.now()
        reasons = dict(self._fields["reason"]._description_selection(self.env))
        for record in self:
            seal = record.seal_id
            state_before = seal.state
            # the seal's own transition, as the approving leader
            seal.sudo()._workflow_run(
                DEACTIVATION_SEAL_VERBS[record.action], deactivation=record
            )
            record._workflow_set_state(
                "complete", {"done_at": now, "seal_state_before": state_before}
            )
            seal.sudo().message_post(
                body=self.env._(
                    "%(record)s approved: %(reason)s. %(description)s",
                    record=record.name,
                    reason=reasons[record.reason],
                    description=record.description,
                ),
                subtype_xmlid="mail.mt_note",
            )
        self._office_archive_prepare()
        return True

    def _office_archive_prepare(self):
        """Hook called once a deactivation or destruction is approved and the
        seal's state has changed (``self``: the completed records, ``done``).

        It does nothing here. The bridge addon between office_seal and
        office_archive overrides it to register the physical seal (with the
        impression, the notice PDF and the approval history) as a physical
        archive item (实物档案, 公文管理制度 篇6), e.g.::

            def _office_archive_prepare(self):
                super()._office_archive_prepare()
                for record in self:
                    self.env["office.archive.item"].create({...})

        It runs inside the approval's transaction as the approving user:
        create what is needed with ``sudo()`` and raise to refuse."""
        return True

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")

    def action_print_notice(self):
        self.ensure_one()
        if self.state != "done":
            raise UserError(
                self.env._("The notice is issued once the deactivation is approved.")
            )
        return self.env.ref(
            "office_seal.office_seal_deactivation_report"
        ).report_action(self)
