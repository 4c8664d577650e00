//! The view state: how the user is looking at the session (focus, cursor,
//! selection, popups, scrolling, theme) and [`Screen`], what every pane
//! draws from: the session and the view state, nothing of the app, so `ui`
//! depends on no key handling (the app hands it the key help as data).

use std::ops::Deref;

use super::theme::Theme;
use crate::session::Session;

/// Which pane the arrow keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Source,
    Heap,
    Names,
    Stack,
    Output,
    Bytecode,
}

impl Focus {
    /// `Tab` order: the two panes used most, then the ones that scroll.
    pub fn next(self) -> Focus {
        match self {
            Focus::Source => Focus::Heap,
            Focus::Heap => Focus::Names,
            Focus::Names => Focus::Stack,
            Focus::Stack => Focus::Output,
            Focus::Output => Focus::Bytecode,
            Focus::Bytecode => Focus::Source,
        }
    }
}

/// How far the panes that only scroll are scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// First line shown.
    pub names: usize,
    pub stack: usize,
    /// Lines hidden below the last one shown (0 follows the end).
    pub output_from_end: usize,
    /// First line of the heap picture (`v`).
    pub graph: usize,
    /// Instructions the bytecode pane is moved from where it follows the
    /// marked one (reset by every move in time).
    pub bytecode: i64,
}

/// The key help the app gives the ui: the help overlay's rows and the key
/// line's items, both made by the app from its one table of keys.
#[derive(Debug, Clone, Default)]
pub struct KeyHelp {
    /// (keys as written, what they do)
    pub rows: Vec<(String, &'static str)>,
    /// (keys, short word) for the bottom line, most used first.
    pub line: Vec<(String, &'static str)>,
}

/// How the user is looking at the session.
#[derive(Debug, Clone)]
pub struct View {
    pub focus: Focus,
    /// The source line the cursor is on (1-based): `t` and `b` act on it.
    pub cursor_line: u32,
    /// How many frames up from the innermost the panes show (`u`/`d`).
    pub frame_up: usize,
    /// Index of the selected row in the heap pane.
    pub heap_selected: usize,
    /// Show every live object, not only the program's.
    pub show_all: bool,
    pub show_help: bool,
    /// The help's page, on screens too small for all of it.
    pub help_page: usize,
    /// `B`: the breakpoints and watches overlay.
    pub show_breakpoints: bool,
    /// The referrers list of the selected heap object is open.
    pub show_referrers: bool,
    /// The address of the object whose referrers are listed: the popup
    /// follows the object, not the row number.
    pub referrers_of: Option<u64>,
    /// The `:` prompt's text while it is open.
    pub prompt: Option<String>,
    /// A one-off message for the status line (bad step number…).
    pub message: Option<String>,
    pub theme: Theme,
    /// The screen's size (width, height) as last drawn: below the minimum
    /// only quitting works, since the panes keys act on are not shown.
    pub screen: (u16, u16),
    pub scroll: Scroll,
    /// `o`: the program's output full-screen.
    pub output_full: bool,
    /// `O`: the output pane hidden, its rows to the heap.
    pub output_hidden: bool,
    /// `v`: the heap as a picture instead of a table.
    pub heap_graph: bool,
    pub keys: KeyHelp,
}

impl View {
    pub fn new(theme: Theme, keys: KeyHelp) -> View {
        View {
            focus: Focus::Source,
            cursor_line: 1,
            frame_up: 0,
            heap_selected: 0,
            show_all: false,
            show_help: false,
            help_page: 0,
            show_breakpoints: false,
            show_referrers: false,
            referrers_of: None,
            prompt: None,
            message: None,
            theme,
            screen: (120, 40),
            scroll: Scroll::default(),
            output_full: false,
            output_hidden: false,
            heap_graph: false,
            keys,
        }
    }
}

/// What the panes draw: a session seen through a view state.
#[derive(Debug, Clone, Copy)]
pub struct Screen<'a> {
    pub session: &'a Session,
    pub view: &'a View,
}

impl Deref for Screen<'_> {
    type Target = View;

    fn deref(&self) -> &View {
        self.view
    }
}

impl Screen<'_> {
    /// Ids are written short (`…04030`) on screens narrower than
    /// [`super::SHORT_IDS_SCREEN`], unless `a` asked for everything.
    pub fn short_ids(&self) -> bool {
        self.screen.0 < super::SHORT_IDS_SCREEN && !self.show_all
    }

    /// Index into `vm.frames()` of the frame the panes show, if any.
    pub fn shown_frame(&self) -> Option<usize> {
        let count = self.session.vm().frames().len();
        (count > 0).then(|| count - 1 - self.frame_up.min(count - 1))
    }

    /// The line the shown frame is at: the next line for the innermost frame,
    /// the line of the call in progress for an outer one.
    pub fn current_line(&self) -> Option<u32> {
        let index = self.shown_frame()?;
        let frames = self.session.vm().frames();
        let frame = frames.get(index)?;
        // Post-mortem, every frame is at the line that was running.
        let line = if index + 1 == frames.len() && self.session.traceback().is_none() {
            frame.next_line().or_else(|| frame.current_line())
        } else {
            frame.current_line()
        };
        // RESUME and other prologue instructions sit on "line 0": no source line.
        line.filter(|&l| l > 0)
    }

    /// The shown frame's marked instruction: the next one for the innermost
    /// frame, the call in progress for an outer one, the failing one post-mortem.
    pub fn marked_instruction(&self) -> Option<(&crate::vm::frame::Frame, usize)> {
        let index = self.shown_frame()?;
        let frames = self.session.vm().frames();
        let frame = frames.get(index)?;
        let innermost = index + 1 == frames.len() && self.session.traceback().is_none();
        let at = if innermost {
            Some(frame.pc)
        } else {
            frame.last
        };
        at.map(|i| (&**frame, i))
    }

    /// The source span of the marked instruction, from the code object's
    /// position table.
    pub fn marked_position(&self) -> Option<crate::bytecode::Position> {
        let (frame, index) = self.marked_instruction()?;
        frame.code.position(index)
    }

    /// The line the shown frame ran last (Python Tutor's "just executed").
    pub fn line_just_run(&self) -> Option<u32> {
        let index = self.shown_frame()?;
        let frame = self.session.vm().frames().get(index)?;
        let innermost = index + 1 == self.session.vm().frames().len();
        if !innermost || self.session.last_stop().steps_taken == 0 {
            return None;
        }
        frame.current_line().filter(|&l| l > 0)
    }
}
