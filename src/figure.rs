//! Lecture figures: what the program's names and objects look like at one stop,
//! as the lecture draws them: a Mermaid flowchart of names → objects, a
//! `pyObject` table per object (Markdown and HTML), an SVG picture that needs
//! no other tool, and plain text.
//!
//! [`Picture::of`] reads the session once (names of every frame, the objects
//! they reach through container items, and every object whose count changed
//! at this stop); the writers only format that picture, so all formats show
//! the same ids, counts and marks.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::session::{Change, Session};
use crate::vm::Vm;
use crate::vm::heap::{ObjId, Referrer};

/// The output formats of `bytestep figure`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Mermaid,
    Markdown,
    Html,
    Svg,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Mermaid,
        Format::Markdown,
        Format::Html,
        Format::Svg,
    ];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Mermaid => "mmd",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Svg => "svg",
        }
    }

    /// The format a file name asks for by its extension.
    pub fn from_path(path: &str) -> Option<Format> {
        let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Format::Text),
            "mmd" | "mermaid" => Some(Format::Mermaid),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    /// Write the picture in this format.
    pub fn render(self, picture: &Picture) -> String {
        match self {
            Format::Text => picture.text(),
            Format::Mermaid => picture.mermaid(),
            Format::Markdown => picture.markdown(),
            Format::Html => picture.html(),
            Format::Svg => picture.svg(),
        }
    }
}

/// Where in the program a figure is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// Just after line N has run for the first time (the lecture's "after `b = a`").
    AfterLine(u32),
    /// After exactly N executed instructions.
    Step(u64),
    /// When the program has finished.
    End,
}

/// Move a fresh session to `at`; the session's last stop then holds the
/// changes the figure marks (those of line N, or of step N).
pub fn go(session: &mut Session, at: At) -> Result<(), String> {
    match at {
        At::Step(step) => {
            session.go_to(step);
            if session.step_number() < step {
                return Err(format!(
                    "the program ends after {} steps, before step {step}",
                    session.step_number()
                ));
            }
            last_step_only(session);
        }
        At::End => {
            session.go_to_end();
            last_step_only(session);
        }
        At::AfterLine(line) => {
            if !at_line_event(session.vm(), line) {
                session.run_to_line(line);
            }
            if !at_line_event(session.vm(), line) {
                return Err(format!(
                    "line {line} never runs (the program ends after {} steps)",
                    session.step_number()
                ));
            }
            session.next_line();
        }
    }
    Ok(())
}

/// Arrive at the current step again by its last instruction alone, so the
/// marks say what that step did rather than everything since the start.
fn last_step_only(session: &mut Session) {
    let step = session.step_number();
    if step > 0 {
        session.go_to(step - 1);
        session.step_instruction();
    }
}

/// The next instruction starts `line` with a line event.
fn at_line_event(vm: &Vm, line: u32) -> bool {
    vm.frames()
        .last()
        .is_some_and(|frame| frame.line_event_next)
        && vm.next_instruction().and_then(|(_, instr)| instr.line) == Some(line)
}

/// The frame's names: `global names`, or the locals of one call.
#[derive(Debug, Clone, PartialEq)]
pub struct NameGroup {
    pub title: String,
    pub names: Vec<NameRef>,
}

/// A name (or stack slot) and the object it refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct NameRef {
    pub label: String,
    /// Index into [`Picture::objects`].
    pub target: usize,
}

/// One object of the figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub address: u64,
    pub type_name: String,
    pub value: String,
    /// `None` once freed at this stop.
    pub refs: Option<u32>,
    pub immortal: bool,
    /// "`<module>` constants" when constants alone keep it alive.
    pub kept_by: Option<String>,
    /// What this stop did to it.
    pub change: Option<Change>,
    /// Steps from a name: 0 for named objects, 1 for their items…
    pub depth: usize,
}

impl Node {
    /// `+1`, `−1`, `new`: what changed at this stop, or "" (freed objects
    /// say so in their refs, [`Node::refs_text`]).
    pub fn marks(&self) -> String {
        let Some(change) = &self.change else {
            return String::new();
        };
        let mut marks = Vec::new();
        match change.delta {
            0 => {}
            d if d > 0 => marks.push(format!("+{d}")),
            d => marks.push(format!("−{}", d.unsigned_abs())),
        }
        if change.new {
            marks.push("new".to_owned());
        }
        marks.join(" ")
    }

    /// Its count changed, it was made, or it was freed at this stop.
    pub fn changed(&self) -> bool {
        self.refs.is_none() || !self.marks().is_empty()
    }

    /// The refs column: the count, `immortal`, or `freed`.
    pub fn refs_text(&self) -> String {
        match self.refs {
            None => "freed".to_owned(),
            Some(_) if self.immortal => "immortal".to_owned(),
            Some(refs) => refs.to_string(),
        }
    }

    pub fn id_text(&self) -> String {
        format!("{:#014x}", self.address)
    }
}

/// A container item referring to an object: `(from)[index] → to`.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRef {
    pub from: usize,
    pub label: String,
    pub to: usize,
}

/// Names, objects and references at one stop.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub heading: String,
    pub groups: Vec<NameGroup>,
    pub objects: Vec<Node>,
    pub items: Vec<ItemRef>,
}

impl Picture {
    /// The picture of the session's current stop.
    pub fn of(session: &Session, heading: impl Into<String>) -> Picture {
        let vm = session.vm();
        let changes = &session.last_stop().changes;
        let mut builder = Builder {
            vm,
            changes,
            index: HashMap::new(),
            objects: Vec::new(),
            items: Vec::new(),
        };
        let mut groups = Vec::new();
        let frames = vm.frames();
        // The module's names first (the lecture's "python variables"), then
        // each call, outermost first, as a diagram reads left to right.
        let mut globals = NameGroup {
            title: "global names".to_owned(),
            names: Vec::new(),
        };
        for (name, id) in vm.globals() {
            if !(name.starts_with("__") && name.ends_with("__")) {
                let target = builder.add(id, 0);
                globals.names.push(NameRef {
                    label: name,
                    target,
                });
            }
        }
        if let Some(module_frame) = frames.first() {
            push_stack(&mut builder, &mut globals, module_frame);
        }
        groups.push(globals);
        for frame in frames.iter().skip(1) {
            let mut group = NameGroup {
                title: format!("local names of {}", frame.code.code.qualname),
                names: Vec::new(),
            };
            for (name, slot) in vm.local_names(frame).into_iter().zip(&frame.locals) {
                if let Some(id) = slot.obj {
                    let target = builder.add(id, 0);
                    group.names.push(NameRef {
                        label: name,
                        target,
                    });
                }
            }
            push_stack(&mut builder, &mut group, frame);
            groups.push(group);
        }
        builder.follow_items();
        builder.add_changed();
        Picture {
            heading: heading.into(),
            groups,
            objects: builder.objects,
            items: builder.items,
        }
    }

    /// Plain text: the names, then the objects as the heap pane lists them.
    pub fn text(&self) -> String {
        let mut out = format!("{}\n", self.heading);
        for group in &self.groups {
            let _ = writeln!(out, "\n{}", group.title);
            if group.names.is_empty() {
                out.push_str("  (none)\n");
            }
            let width = group.names.iter().map(|n| width_of(&n.label)).max();
            for name in &group.names {
                let object = &self.objects[name.target];
                let pad = width.unwrap_or(0) - width_of(&name.label);
                let _ = writeln!(
                    out,
                    "  {}{} ─▶ {} {}",
                    name.label,
                    " ".repeat(pad),
                    object.id_text(),
                    object.value
                );
            }
        }
        out.push_str("\nobjects\n");
        let header = ["id", "type", "value", "refs", ""];
        let rows: Vec<[String; 5]> = self
            .objects
            .iter()
            .map(|o| {
                [
                    o.id_text(),
                    o.type_name.clone(),
                    o.value.clone(),
                    o.refs_text(),
                    o.marks(),
                ]
            })
            .collect();
        let mut widths = header.map(width_of);
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(width_of(cell));
            }
        }
        let line = |cells: [&str; 5]| {
            let mut text = String::from(" ");
            for (cell, width) in cells.iter().zip(widths) {
                let _ = write!(text, " {cell}{}", " ".repeat(width - width_of(cell)));
            }
            format!("{}\n", text.trim_end())
        };
        out.push_str(&line(header));
        for row in &rows {
            out.push_str(&line(row.each_ref().map(String::as_str)));
        }
        for object in &self.objects {
            if let Some(holders) = &object.kept_by {
                let _ = writeln!(
                    out,
                    "  {} has 0 refs, kept alive by {holders}",
                    object.id_text()
                );
            }
        }
        if !self.items.is_empty() {
            out.push_str("\nitems\n");
            for item in &self.items {
                let (from, to) = (&self.objects[item.from], &self.objects[item.to]);
                // `0x…[0]` for an item, `0x… local x` for a generator's local.
                let gap = if item.label.starts_with('[') { "" } else { " " };
                let _ = writeln!(
                    out,
                    "  {}{gap}{} ─▶ {} {}",
                    from.id_text(),
                    item.label,
                    to.id_text(),
                    to.value
                );
            }
        }
        out
    }

    /// A Mermaid flowchart in the style of the lecture's reference diagrams:
    /// names on the left, objects on the right, each arrow labelled with the
    /// id it holds; objects whose count changed at this stop are outlined.
    pub fn mermaid(&self) -> String {
        let mut out = String::from("flowchart LR;\n");
        for (g, group) in self.groups.iter().enumerate() {
            let _ = writeln!(
                out,
                "    subgraph g{g} [\"{}\"]",
                mermaid_text(&group.title)
            );
            for (n, name) in group.names.iter().enumerate() {
                let _ = writeln!(out, "        v{g}_{n}[\"{}\"]", mermaid_text(&name.label));
            }
            out.push_str("    end\n");
        }
        out.push_str("    subgraph heap [\"objects\"]\n");
        for (index, object) in self.objects.iter().enumerate() {
            let marks = object.marks();
            let marks = if marks.is_empty() {
                String::new()
            } else {
                format!(" {marks}")
            };
            let _ = writeln!(
                out,
                "        o{index}[\"{}<br/>{} · refs {}{}\"]",
                mermaid_text(&object.value),
                mermaid_text(&object.type_name),
                object.refs_text(),
                mermaid_text(&marks)
            );
        }
        out.push_str("    end\n");
        for (g, group) in self.groups.iter().enumerate() {
            for (n, name) in group.names.iter().enumerate() {
                let target = &self.objects[name.target];
                let _ = writeln!(
                    out,
                    "    v{g}_{n} -- {} ---> o{}",
                    target.id_text(),
                    name.target
                );
            }
        }
        for item in &self.items {
            let _ = writeln!(
                out,
                "    o{} -- \"{}\" ---> o{}",
                item.from,
                mermaid_text(&item.label),
                item.to
            );
        }
        let changed: Vec<String> = (0..self.objects.len())
            .filter(|&i| self.objects[i].changed())
            .map(|i| format!("o{i}"))
            .collect();
        if !changed.is_empty() {
            out.push_str("    classDef changed stroke:#c00,stroke-width:3px;\n");
            let _ = writeln!(out, "    class {} changed;", changed.join(","));
        }
        out
    }

    /// One `pyObject` table per object, as the lecture's first figure.
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n\n```mermaid\n{}```\n", self.heading, self.mermaid());
        for object in &self.objects {
            let refs = match object.marks() {
                marks if marks.is_empty() && !object.changed() => object.refs_text(),
                marks if marks.is_empty() => format!("**{}**", object.refs_text()),
                marks => format!("**{}** ({})", object.refs_text(), markdown_text(&marks)),
            };
            let _ = write!(
                out,
                "\n| pyObject | |\n|---|---|\n| id | {} |\n| type | {} |\n| value | {} |\n| refs | {} |\n",
                object.id_text(),
                markdown_text(&format!("<class '{}'>", object.type_name)),
                markdown_text(&object.value),
                refs,
            );
            if let Some(holders) = &object.kept_by {
                let _ = writeln!(out, "\n0 refs, kept alive by {}.", markdown_text(holders));
            }
        }
        out
    }

    /// A page with the SVG picture and a `pyObject` table per object.
    pub fn html(&self) -> String {
        let heading = xml_text(&self.heading);
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{heading}</title>\n<style>\n\
             body {{ font-family: sans-serif; }}\n\
             figure {{ display: inline-block; margin: 1em; vertical-align: top; }}\n\
             table {{ border-collapse: collapse; font-family: monospace; }}\n\
             th, td {{ border: 1px solid #444; padding: 0.2em 0.6em; text-align: left; }}\n\
             tr.highlight {{ background: #fdd; }}\n\
             </style>\n</head>\n<body>\n<h1>{heading}</h1>\n"
        );
        out.push_str(&self.svg());
        for object in &self.objects {
            let highlight = if object.changed() {
                " class=\"highlight\""
            } else {
                ""
            };
            let marks = match object.marks() {
                marks if marks.is_empty() => String::new(),
                marks => format!(" ({marks})"),
            };
            let _ = write!(
                out,
                "<figure>\n    <table>\n        <tr><th colspan=\"2\">pyObject</th></tr>\
                 <tr><th>id</th><td>{}</td></tr>\n        \
                 <tr><th>type</th><td>{}</td></tr>\n        \
                 <tr><th>value</th><td>{}</td></tr>\n        \
                 <tr{highlight}><th>refs</th><td>{}{}</td></tr>\n    </table>\n",
                object.id_text(),
                xml_text(&format!("<class '{}'>", object.type_name)),
                xml_text(&object.value),
                xml_text(&object.refs_text()),
                xml_text(&marks),
            );
            if let Some(holders) = &object.kept_by {
                let _ = writeln!(
                    out,
                    "    <figcaption>0 refs, kept alive by {}</figcaption>",
                    xml_text(holders)
                );
            }
            out.push_str("</figure>\n");
        }
        out.push_str("</body>\n</html>\n");
        out
    }

    /// The picture as SVG: names on the left, objects in columns by distance
    /// from a name, arrows from names and items to objects.
    pub fn svg(&self) -> String {
        SvgLayout::of(self).draw(self)
    }
}

/// Write the picture as `STEM-stepN.md` (Mermaid and `pyObject` tables) and
/// `STEM-stepN.svg` in `dir`, `STEM` being the program's file name without
/// `.py`; returns the paths written.
pub fn export(
    picture: &Picture,
    filename: &str,
    step: u64,
    dir: &std::path::Path,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    let name = std::path::Path::new(filename).file_stem().map_or_else(
        || "program".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let mut written = Vec::new();
    for format in [Format::Markdown, Format::Svg] {
        let path = dir.join(format!("{name}-step{step}.{}", format.extension()));
        std::fs::write(&path, format.render(picture))?;
        written.push(path);
    }
    Ok(written)
}

/// Collects the figure's objects once each, in the order a reader meets them.
struct Builder<'a> {
    vm: &'a Vm,
    changes: &'a std::collections::BTreeMap<u64, Change>,
    index: HashMap<ObjId, usize>,
    objects: Vec<Node>,
    items: Vec<ItemRef>,
}

impl Builder<'_> {
    fn add(&mut self, id: ObjId, depth: usize) -> usize {
        if let Some(&index) = self.index.get(&id) {
            return index;
        }
        let heap = &self.vm.heap;
        let object = heap.get(id);
        let change = self.changes.get(&object.address).cloned();
        let kept_by = crate::session::kept_alive_by(heap, id, change.as_ref());
        self.objects.push(Node {
            address: object.address,
            type_name: object.value.type_name().to_owned(),
            value: heap.short_repr(id),
            refs: Some(object.refs),
            immortal: object.immortal,
            kept_by,
            change,
            depth,
        });
        self.index.insert(id, self.objects.len() - 1);
        self.objects.len() - 1
    }

    /// Follow container items breadth first: `t = (a, b)` draws both items.
    fn follow_items(&mut self) {
        let heap = &self.vm.heap;
        let ids: HashMap<usize, ObjId> = self.index.iter().map(|(&id, &i)| (i, id)).collect();
        let mut queue: Vec<(usize, ObjId)> = ids.into_iter().collect();
        queue.sort_unstable_by_key(|&(index, _)| index);
        let mut next = 0;
        while next < queue.len() {
            let (from, id) = queue[next];
            next += 1;
            // A suspended generator's frame holds its locals: arrows too.
            let generator = matches!(heap.value(id), crate::vm::heap::Value::Generator(_));
            for (child, referrer) in heap.children(id) {
                let label = match referrer {
                    Referrer::Item { index, .. } => format!("[{index}]"),
                    Referrer::Local { name, .. } if generator => {
                        format!("local {}", heap.symbols.text(name))
                    }
                    _ => continue,
                };
                let known = self.index.contains_key(&child);
                let depth = self.objects[from].depth + 1;
                let to = self.add(child, depth);
                if !known {
                    queue.push((to, child));
                }
                self.items.push(ItemRef { from, label, to });
            }
        }
    }

    /// Objects no name reaches but whose count this stop changed, freed ones too.
    fn add_changed(&mut self) {
        let heap = &self.vm.heap;
        let live: HashMap<u64, ObjId> = heap
            .live_objects()
            .map(|(id, object)| (object.address, id))
            .collect();
        for (&address, change) in self.changes {
            if let Some(&id) = live.get(&address) {
                if change.delta != 0 || change.new || change.kept_by_constants.is_some() {
                    self.add(id, 0);
                }
            } else if let Some((type_name, value)) = &change.freed {
                self.objects.push(Node {
                    address,
                    type_name: type_name.clone(),
                    value: value.clone(),
                    refs: None,
                    immortal: false,
                    kept_by: None,
                    change: Some(change.clone()),
                    depth: 0,
                });
            }
        }
    }
}

/// A frame's value stack as names `stack[0]`…, for figures drawn mid-line.
fn push_stack(builder: &mut Builder, group: &mut NameGroup, frame: &crate::vm::frame::Frame) {
    for (slot_index, slot) in frame.stack.iter().enumerate() {
        if let Some(id) = slot.obj {
            let target = builder.add(id, 0);
            let borrowed = if slot.borrowed { " (borrowed)" } else { "" };
            group.names.push(NameRef {
                label: format!("stack[{slot_index}]{borrowed}"),
                target,
            });
        }
    }
}

fn width_of(text: &str) -> usize {
    text.chars().count()
}

/// Mermaid's entity codes for what would end or break a quoted label.
fn mermaid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text safe inside a Markdown table cell.
fn markdown_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('`', "\\`")
}

/// Text safe in XML content and attribute values.
fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // XML 1.0 has no way to write other control characters.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Where each box of the SVG goes (monospace text, so widths come from counts).
struct SvgLayout {
    width: u32,
    height: u32,
    /// Per group: the box's top-left, size, and each name row's y.
    groups: Vec<(u32, u32, u32, u32)>,
    /// Per object: the box's top-left and size.
    objects: Vec<(u32, u32, u32, u32)>,
    names_right: u32,
}

const CHAR_W: u32 = 8;
const ROW_H: u32 = 20;
const PAD: u32 = 16;
/// Room between columns for arrows; the first gap also holds the ids on the name arrows.
const GAP: u32 = 90;
const NAMES_GAP: u32 = 140;

impl SvgLayout {
    fn of(picture: &Picture) -> SvgLayout {
        let text_width = |chars: usize| chars as u32 * CHAR_W + 2 * PAD;
        let names_width = picture
            .groups
            .iter()
            .flat_map(|g| {
                std::iter::once(width_of(&g.title))
                    .chain(g.names.iter().map(|n| width_of(&n.label)))
            })
            .max()
            .map_or(0, text_width);
        let mut groups = Vec::new();
        let top = 2 * ROW_H + PAD;
        let mut y = top;
        for group in &picture.groups {
            let height = ROW_H * (group.names.len().max(1) as u32 + 1) + PAD / 2;
            groups.push((PAD, y, names_width, height));
            y += height + PAD;
        }
        let mut height = y;
        let columns = picture
            .objects
            .iter()
            .map(|o| o.depth + 1)
            .max()
            .unwrap_or(0);
        let mut column_x = PAD + names_width + NAMES_GAP;
        let mut objects = vec![(0, 0, 0, 0); picture.objects.len()];
        // Each column's objects and each object's items, gathered once (a
        // chain of 100,000 objects must not make this quadratic).
        let mut by_depth: Vec<Vec<usize>> = vec![Vec::new(); columns];
        for (i, object) in picture.objects.iter().enumerate() {
            if let Some(column) = by_depth.get_mut(object.depth) {
                column.push(i);
            }
        }
        let outgoing = outgoing_items(picture);
        for members in by_depth {
            let column_width = members
                .iter()
                .flat_map(|&i| box_lines(picture, &outgoing, i))
                .map(|line| width_of(&line))
                .max()
                .map_or(0, text_width);
            let mut y = top;
            for i in members {
                let lines = box_lines(picture, &outgoing, i).len() as u32;
                let box_height = ROW_H * lines + PAD / 2;
                objects[i] = (column_x, y, column_width, box_height);
                y += box_height + PAD;
            }
            height = height.max(y);
            column_x += column_width + GAP;
        }
        let width = (column_x - GAP + PAD)
            .max(PAD * 2 + names_width)
            .max(text_width(width_of(&picture.heading)));
        SvgLayout {
            width,
            height: height + PAD,
            groups,
            objects,
            names_right: PAD + names_width,
        }
    }

    fn draw(&self, picture: &Picture) -> String {
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" font-family=\"monospace\" font-size=\"13\">\n\
             <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
             markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">\
             <path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#333\"/></marker></defs>\n\
             <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n\
             <text x=\"{PAD}\" y=\"{ROW_H}\" font-weight=\"bold\" font-size=\"15\">{title}</text>\n",
            w = self.width,
            h = self.height,
            title = xml_text(&picture.heading),
        );
        for (group, &(x, y, w, h)) in picture.groups.iter().zip(&self.groups) {
            let _ = writeln!(
                out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"6\" fill=\"#eef3fb\" stroke=\"#345\"/>\n\
                 <text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>",
                x + PAD / 2,
                y + ROW_H - 5,
                xml_text(&group.title)
            );
            for (row, name) in group.names.iter().enumerate() {
                let row_y = y + ROW_H * (row as u32 + 2) - 5;
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{row_y}\">{}</text>",
                    x + PAD,
                    xml_text(&name.label)
                );
                let (ox, oy, _, oh) = self.objects[name.target];
                let from = (self.names_right, row_y - 4);
                let label = picture.objects[name.target].id_text();
                arrow(
                    &mut out,
                    from,
                    (ox, oy + oh.min(2 * ROW_H) / 2),
                    Some(&label),
                );
            }
        }
        let outgoing_of = outgoing_items(picture);
        for (index, (object, &(x, y, w, h))) in
            picture.objects.iter().zip(&self.objects).enumerate()
        {
            let (stroke, width, dash) = match (object.refs, object.changed()) {
                (None, _) => ("#c00", 2, " stroke-dasharray=\"6 4\""),
                (Some(_), true) => ("#c00", 3, ""),
                (Some(_), false) => ("#333", 1, ""),
            };
            let _ = writeln!(
                out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"6\" fill=\"#fffbea\" \
                 stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}/>"
            );
            for (row, line) in box_lines(picture, &outgoing_of, index).iter().enumerate() {
                let weight = if row == 1 {
                    " font-weight=\"bold\""
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\"{weight}>{}</text>",
                    x + PAD,
                    y + ROW_H * (row as u32 + 1) - 5,
                    xml_text(line)
                );
            }
            let first_item_row = object_lines(object).len() as u32;
            let outgoing = outgoing_of[index].iter().map(|&i| &picture.items[i]);
            for (n, item) in outgoing.enumerate() {
                let (tx, ty, tw, th) = self.objects[item.to];
                let target_y = ty + th.min(2 * ROW_H) / 2;
                // Forward to the next column; back (a cycle) to the right edge.
                let to = if tx > x {
                    (tx, target_y)
                } else {
                    (tx + tw, target_y)
                };
                let item_y = y + ROW_H * (first_item_row + n as u32 + 1) - 9;
                arrow(&mut out, (x + w, item_y), to, None);
            }
        }
        out.push_str("</svg>\n");
        out
    }
}

/// For each object, the indexes of the items it holds, in order.
fn outgoing_items(picture: &Picture) -> Vec<Vec<usize>> {
    let mut outgoing = vec![Vec::new(); picture.objects.len()];
    for (i, item) in picture.items.iter().enumerate() {
        if let Some(list) = outgoing.get_mut(item.from) {
            list.push(i);
        }
    }
    outgoing
}

/// An object's box: its own lines, then one line per item it holds
/// (`outgoing`: [`outgoing_items`]).
fn box_lines(picture: &Picture, outgoing: &[Vec<usize>], index: usize) -> Vec<String> {
    let mut lines = object_lines(&picture.objects[index]);
    lines.extend(
        outgoing[index]
            .iter()
            .map(|&i| format!("{} ─▶", picture.items[i].label)),
    );
    lines
}

/// The text lines of an object: type and id, value, refs, what keeps it alive.
fn object_lines(object: &Node) -> Vec<String> {
    let marks = object.marks();
    let refs = if marks.is_empty() {
        format!("refs {}", object.refs_text())
    } else {
        format!("refs {}  {marks}", object.refs_text())
    };
    let mut lines = vec![
        format!("{} {}", object.type_name, object.id_text()),
        object.value.clone(),
        refs,
    ];
    if let Some(holders) = &object.kept_by {
        lines.push(format!("kept alive by {holders}"));
    }
    lines
}

/// A curved arrow, optionally labelled near its start.
fn arrow(out: &mut String, from: (u32, u32), to: (u32, u32), label: Option<&str>) {
    let (x1, y1) = (from.0 as i64, from.1 as i64);
    let (x2, y2) = (to.0 as i64, to.1 as i64);
    // Forward arrows leave rightwards and arrive from the left; an arrow back
    // to an earlier column loops out to the right and arrives from the right.
    let (c1, c2) = if x2 > x1 {
        let bend = ((x2 - x1) / 2).max(30);
        (x1 + bend, x2 - bend)
    } else {
        (x1 + 60, x2 + 60)
    };
    let _ = writeln!(
        out,
        "<path d=\"M {x1} {y1} C {c1} {y1}, {c2} {y2}, {x2} {y2}\" fill=\"none\" stroke=\"#333\" \
         stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>"
    );
    if let Some(label) = label {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#555\">{}</text>",
            x1 + 6,
            y1 - 4,
            xml_text(label)
        );
    }
}
