from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

ARCHIVIST = "office_archive.group_archivist"


class OfficeArchiveDestruction(models.Model):
    """A destruction (销毁) of appraised items: approved by the leader,
    listed in the destruction register (销毁清册, printed), carried out under
    the eyes of two supervisors (双人监销) on a recorded date. Destroyed items
    keep their metadata."""

    _name = "office.archive.destruction"
    _description = "Archive Destruction"
    _inherit = [
        "office.workflow.mixin",
        "mail.activity.mixin",
        "office.approval.mixin",
    ]
    _order = "id desc"
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_transitions = {
        "submit": {"from": ("draft",), "to": "to_approve", "groups": (ARCHIVIST,)},
        # decided by the leader's review (tier.validation): no groups
        "approve": {"from": ("to_approve",), "to": "approved"},
        "refuse": {"from": ("to_approve", "approved"), "to": "refused"},
        "done": {"from": ("approved",), "to": "done", "groups": (ARCHIVIST,)},
        "cancel": {
            "from": ("draft", "to_approve", "approved", "refused"),
            "to": "cancel",
            "groups": (ARCHIVIST,),
        },
    }
    _workflow_editable_states = ("draft",)
    _workflow_locked_fields = ("item_ids", "reason", "method", "appraisal_id")
    _workflow_sequence_code = "office.archive.destruction"

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    appraisal_id = fields.Many2one("office.archive.appraisal", readonly=True)
    item_ids = fields.Many2many(
        "office.archive.item",
        "office_archive_destruction_item_rel",
        "destruction_id",
        "item_id",
        string="Items",
        required=True,
    )
    item_count = fields.Integer(compute="_compute_item_count")
    reason = fields.Text(required=True)
    method = fields.Selection(
        [
            ("shred", "Shredding"),
            ("pulp", "Pulping"),
            ("burn", "Burning"),
            ("erase", "Secure erasure"),
        ],
        default="pulp",
        required=True,
    )
    place = fields.Char()
    supervisor_ids = fields.Many2many(
        "res.users",
        "office_archive_destruction_supervisor_rel",
        "destruction_id",
        "user_id",
        string="Supervisors",
        help="双人监销: at least two people watch the destruction.",
    )
    destroyed_on = fields.Date(copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To approve"),
            ("approved", "Approved"),
            ("done", "Destroyed"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.model
    def _get_under_validation_exceptions(self):
        # the supervisors, place and date are recorded while the leader decides
        return super()._get_under_validation_exceptions() + [
            "supervisor_ids",
            "destroyed_on",
            "place",
        ]

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + [
            "supervisor_ids",
            "destroyed_on",
            "place",
        ]

    @api.depends("name", "reason")
    def _compute_display_name(self):
        # the approvals inbox shows what is destroyed, not only the number
        for record in self:
            reason = (record.reason or "").strip().splitlines()[:1]
            summary = reason[0][:40] if reason else ""
            record.display_name = " ".join(p for p in (record.name, summary) if p)

    def _compute_item_count(self):
        for record in self:
            record.item_count = len(record.item_ids)

    def action_submit(self):
        return self._workflow_run("submit")

    def _check_can_submit(self):
        for record in self:
            if not record.item_ids:
                raise UserError(self.env._("List the items to destroy."))
            record._check_appraised()
            if record.item_ids.filtered(lambda i: i.state != "in_stock"):
                raise UserError(self.env._("Only items in stock are destroyed."))

    def _check_appraised(self):
        """002 篇6 档案鉴定与销毁: appraisal, list, approval, then 双人监销 —
        only the items a concluded appraisal decided to destroy."""
        self.ensure_one()
        appraisal = self.sudo().appraisal_id
        if not appraisal or appraisal.state != "done":
            raise UserError(
                self.env._(
                    "%(name)s has no concluded appraisal: archives are destroyed "
                    "only after an appraisal decided it.",
                    name=self.name,
                )
            )
        decided = appraisal.line_ids.filtered(
            lambda line: line.decision == "destroy"
        ).item_id
        extra = self.sudo().item_ids - decided
        if extra:
            raise UserError(
                self.env._(
                    "The appraisal %(appraisal)s did not decide to destroy %(item)s.",
                    appraisal=appraisal.display_name,
                    item=extra[:1].display_name,
                )
            )

    def action_done(self):
        """Record the destruction: two supervisors, the date; the items'
        custody state becomes destroyed."""
        return self._workflow_run("done")

    def _check_can_done(self):
        for record in self:
            if record.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "%(name)s is not approved by the leader.", name=record.name
                    )
                )
            if len(record.supervisor_ids) < 2:
                raise ValidationError(
                    self.env._("Two people supervise every destruction (双人监销).")
                )
            if not record.destroyed_on:
                raise UserError(self.env._("Record the date of the destruction."))

    def _do_done(self):
        for record in self:
            record.sudo().item_ids._workflow_run("destroy")
            record._workflow_set_state("done")
            record.message_post(
                body=self.env._(
                    "%(count)s items destroyed on %(date)s under the supervision "
                    "of %(people)s.",
                    count=len(record.item_ids),
                    date=record.destroyed_on,
                    people=", ".join(record.supervisor_ids.mapped("name")),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_cancel(self):
        return self._workflow_run("cancel")

    def _do_cancel(self):
        self.sudo().review_ids.unlink()
        return self._workflow_set_state("cancel")
