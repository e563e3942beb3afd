from odoo import api, fields, models


class OfficeArchiveBox(models.Model):
    """An archive box (档案盒) on a shelf of a storage room; its label (盒脊)
    shows the fonds, year, retention and the first and last item numbers."""

    _name = "office.archive.box"
    _description = "Archive Box"
    _order = "room_id, cabinet, number, id"
    _check_company_auto = True

    number = fields.Char(string="Box number", required=True)
    room_id = fields.Many2one(
        "office.archive.room", string="Storage room", required=True, check_company=True
    )
    cabinet = fields.Char(string="Cabinet / shelf")
    fonds_id = fields.Many2one("office.archive.fonds", check_company=True)
    category_id = fields.Many2one("office.archive.category")
    year = fields.Integer(aggregator=False)
    retention_id = fields.Many2one("office.archive.retention")
    item_ids = fields.One2many("office.archive.item", "box_id", string="Items")
    item_count = fields.Integer(compute="_compute_label")
    label = fields.Char(compute="_compute_label", help="Text of the box spine label.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "number_uniq",
            "unique(room_id, number)",
            "A box number is unique in its room.",
        ),
    ]

    @api.depends("room_id", "cabinet", "number")
    def _compute_display_name(self):
        for box in self:
            box.display_name = " ".join(
                p for p in (box.room_id.name, box.cabinet, box.number) if p
            )

    @api.depends("item_ids.item_number", "fonds_id", "year", "retention_id")
    def _compute_label(self):
        for box in self:
            numbers = sorted(n for n in box.item_ids.mapped("item_number") if n)
            box.item_count = len(box.item_ids)
            parts = [
                box.fonds_id.code,
                box.category_id.code,
                str(box.year or ""),
                box.retention_id.code,
            ]
            label = "-".join(p for p in parts if p)
            if numbers:
                label += f" {numbers[0]:04d}–{numbers[-1]:04d}"
            box.label = label
