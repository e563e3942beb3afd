from odoo import api, fields, models
from odoo.exceptions import UserError

from .office_archive_item import ARCHIVIST


class OfficeArchiveRepair(models.Model):
    """The repair or copying of damaged archives (破损档案修补、复制), after
    003 第三十条（二）3 and 002 篇6 机关档案保管与保护制度 三: damaged,
    deteriorated or faded items are repaired or copied in time; what cannot
    be restored in house goes to the provincial archives' experts with the
    approval of the head of the office (上报办公室负责人审批), and secret
    items are copied only with a leader's approval (002 篇6 机关档案保密制度
    六). The approval step is a ``tier.definition`` record."""

    _name = "office.archive.repair"
    _description = "Repair of Damaged Archives"
    _inherit = [
        "office.workflow.mixin",
        "mail.activity.mixin",
        "office.approval.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_sequence_code = "office.archive.repair"
    _workflow_transitions = {
        "submit": {"from": ("draft",), "to": "to_approve", "groups": (ARCHIVIST,)},
        "approve": {"from": ("to_approve",), "to": "approved"},
        "refuse": {"from": ("to_approve",), "to": "refused"},
        "draft": {"from": ("refused",), "to": "draft", "groups": (ARCHIVIST,)},
        "done": {"from": ("draft", "approved"), "to": "done", "groups": (ARCHIVIST,)},
    }
    _workflow_locked_fields = ("item_ids", "treatment", "damage")

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    item_ids = fields.Many2many(
        "office.archive.item",
        "office_archive_repair_item_rel",
        "repair_id",
        "item_id",
        string="Items",
        check_company=True,
    )
    damage = fields.Text(string="Damage found", required=True)
    treatment = fields.Selection(
        [
            ("repair", "Repaired in house"),
            ("copy", "Copied in house"),
            ("expert", "Sent to the provincial archives' experts"),
        ],
        required=True,
        default="repair",
        tracking=True,
    )
    needs_approval = fields.Boolean(
        compute="_compute_needs_approval",
        store=True,
        help="Experts' treatment (003 第三十条) or secret items copied "
        "(002 篇6 机关档案保密制度 六): the head of the office approves first.",
    )
    result = fields.Text(string="Work done")
    done_on = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To approve"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("treatment", "item_ids.secrecy_level")
    def _compute_needs_approval(self):
        for repair in self:
            repair.needs_approval = repair.treatment == "expert" or bool(
                repair.treatment == "copy"
                and repair.sudo().item_ids.filtered("secrecy_rank")
            )

    def action_submit(self):
        return self._workflow_run("submit")

    def _check_can_submit(self):
        for repair in self:
            if not repair.item_ids:
                raise UserError(self.env._("List the damaged items."))
            if not repair.needs_approval:
                raise UserError(
                    self.env._(
                        "A repair or copy made in house needs no approval: record "
                        "it as done."
                    )
                )

    def action_draft(self):
        return self._workflow_run("draft")

    def action_done(self):
        return self._workflow_run("done")

    def _check_can_done(self):
        for repair in self:
            if not repair.item_ids:
                raise UserError(self.env._("List the damaged items."))
            if repair.needs_approval and repair.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "%(name)s needs the approval of the head of the office "
                        "first (003 第三十条: 上报办公室负责人审批).",
                        name=repair.name,
                    )
                )
            if not (repair.result or "").strip():
                raise UserError(self.env._("Describe the work done."))

    def _do_done(self):
        for repair in self:
            repair._workflow_set_state(
                "done", vals={"done_on": repair._workflow_today()}
            )
            for item in repair.sudo().item_ids:
                item.message_post(
                    body=self.env._(
                        "Repaired or copied (%(ref)s): %(result)s",
                        ref=repair.name,
                        result=repair.result,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return True
