from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.office_base.tools import granted

from .office_archive_item import ARCHIVIST, ITEM_BOOKKEEPING


class OfficeArchiveAppraisal(models.Model):
    """An appraisal (鉴定) of items whose retention has run out: for each
    item, keep, extend or destroy, with the reasons. A scheduled action
    proposes the expired items; the items to destroy go to a destruction
    record, which the leader approves."""

    _name = "office.archive.appraisal"
    _description = "Archive Appraisal"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _workflow_transitions = {
        "done": {"from": ("draft",), "to": "done", "groups": (ARCHIVIST,)},
    }
    _workflow_sequence_code = "office.archive.appraisal"

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    date = fields.Date(required=True, default=fields.Date.context_today)
    appraiser_ids = fields.Many2many("res.users", string="Appraisers")
    line_ids = fields.One2many(
        "office.archive.appraisal.line", "appraisal_id", string="Items"
    )
    line_count = fields.Integer(compute="_compute_counts")
    destroy_count = fields.Integer(compute="_compute_counts")
    conclusion = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Concluded")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    destruction_ids = fields.One2many("office.archive.destruction", "appraisal_id")
    proposed = fields.Boolean(
        string="Proposed automatically",
        readonly=True,
        copy=False,
        help="Opened by the scheduled action that finds expired items.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("line_ids.decision")
    def _compute_counts(self):
        for appraisal in self:
            appraisal.line_count = len(appraisal.line_ids)
            appraisal.destroy_count = len(
                appraisal.line_ids.filtered(lambda line: line.decision == "destroy")
            )

    def action_done(self):
        """Conclude: extend the items kept longer and prepare the destruction
        record of the items to destroy."""
        return self._workflow_run("done")

    def _check_can_done(self):
        for appraisal in self:
            if len(appraisal.appraiser_ids) < 2:
                raise UserError(
                    self.env._("An appraisal is made by at least two appraisers.")
                )
            undecided = appraisal.line_ids.filtered(lambda line: not line.decision)
            if undecided:
                raise UserError(
                    self.env._(
                        "Decide on %(item)s.", item=undecided[:1].item_id.display_name
                    )
                )

    def _do_done(self):
        for appraisal in self:
            for line in appraisal.line_ids.filtered(
                lambda line: line.decision == "extend"
            ):
                item = line.item_id.sudo()
                with granted(ITEM_BOOKKEEPING, item):
                    item.write({"extended_until": line.extend_until})
            to_destroy = appraisal.line_ids.filtered(
                lambda line: line.decision == "destroy"
            ).item_id
            # a destruction already prepared from this appraisal stands
            if to_destroy and not appraisal.destruction_ids:
                self.env["office.archive.destruction"].create(
                    {
                        "appraisal_id": appraisal.id,
                        "item_ids": [fields.Command.set(to_destroy.ids)],
                        "reason": appraisal.conclusion or appraisal.name,
                    }
                )
        return self._workflow_set_state("done")

    def action_open_destructions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Destructions"),
            "res_model": "office.archive.destruction",
            "view_mode": "list,form",
            "domain": [("appraisal_id", "=", self.id)],
        }

    @api.model
    def _items_under_way(self):
        """Items in a draft appraisal or in a destruction not carried out."""
        lines = (
            self.env["office.archive.appraisal.line"]
            .sudo()
            .search([("appraisal_id.state", "=", "draft")])
        )
        destructions = (
            self.env["office.archive.destruction"]
            .sudo()
            .search([("state", "in", ("draft", "to_approve", "approved"))])
        )
        return lines.item_id | destructions.item_ids

    @api.model
    def _propose_expired(self, limit=1000):
        """One draft appraisal collecting the filed items past their
        retention (and any extension) not yet under appraisal."""
        year = fields.Date.context_today(self).year
        Item = self.env["office.archive.item"].sudo()
        items = Item.search(
            [
                ("state", "=", "in_stock"),
                ("retention_until", ">", 0),
                ("retention_until", "<", year),
                ("extended_until", "<", year),
                ("id", "not in", self._items_under_way().ids),
            ],
            limit=limit,
        )
        if not items:
            return self.browse()
        appraisal = self.sudo().search(
            [("state", "=", "draft"), ("proposed", "=", True)], limit=1
        )
        if not appraisal:
            appraisal = self.sudo().create({"proposed": True, "conclusion": False})
        appraisal.write(
            {
                "line_ids": [
                    fields.Command.create({"item_id": item.id}) for item in items
                ]
            }
        )
        return appraisal
