from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class OfficeArchiveDestruction(models.Model):
    """A destruction (销毁) of appraised items: approved by the leader,
    listed in the destruction register (销毁清册, printed), carried out under
    the eyes of two supervisors (双人监销) on a recorded date. Destroyed items
    keep their metadata."""

    _name = "office.archive.destruction"
    _description = "Archive Destruction"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "office.approval.mixin",
        "office.archive.demo.mixin",
    ]
    _order = "id desc"
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name)
            if not self.env.su and vals.get("state", "draft") != "draft":
                raise UserError(
                    self.env._("The state changes only through the action buttons.")
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "state" in vals:
                raise UserError(
                    self.env._("The state changes only through the action buttons.")
                )
            if set(vals) & {"item_ids", "reason", "method"} and self.filtered(
                lambda d: d.state != "draft"
            ):
                raise UserError(
                    self.env._(
                        "The items of a submitted destruction cannot be changed."
                    )
                )
        return super().write(vals)

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

    def _compute_item_count(self):
        for record in self:
            record.item_count = len(record.item_ids)

    def _write_state(self, vals):
        return self.sudo().with_context(skip_validation_check=True).write(vals)

    def _check_archivist(self):
        if not (
            self.env.su or self.env.user.has_group("office_archive.group_archivist")
        ):
            raise AccessError(self.env._("Only the archivist handles destructions."))

    def action_submit(self):
        self._check_archivist()
        for record in self:
            if record.state != "draft":
                raise UserError(
                    self.env._("%(name)s has already been submitted.", name=record.name)
                )
            if not record.item_ids:
                raise UserError(self.env._("List the items to destroy."))
            if record.item_ids.filtered(lambda i: i.state != "in_stock"):
                raise UserError(self.env._("Only items in stock are destroyed."))
        self._write_state({"state": "to_approve"})
        self.invalidate_recordset(["need_validation"])
        self.action_office_request_approval()
        return True

    def _on_office_validated(self):
        self.filtered(lambda r: r.state == "to_approve")._write_state(
            {"state": "approved"}
        )

    def _on_office_rejected(self):
        self.filtered(lambda r: r.state in ("to_approve", "approved"))._write_state(
            {"state": "refused"}
        )

    def action_done(self):
        """Record the destruction: two supervisors, the date; the items'
        custody state becomes destroyed."""
        self._check_archivist()
        for record in self:
            if record.state != "approved" or record.validation_status != "validated":
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
        for record in self:
            record.item_ids.sudo().write({"state": "destroyed"})
            record._write_state({"state": "done"})
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
        self._check_archivist()
        if self.filtered(lambda r: r.state == "done"):
            raise UserError(
                self.env._("A destruction carried out cannot be cancelled.")
            )
        self.sudo().review_ids.unlink()
        self._write_state({"state": "cancel"})
        return True
