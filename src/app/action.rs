//! What a key asks for, independent of the key: the keymap maps keys to these,
//! [`super::update::update`] carries them out.

/// Everything the user can ask the TUI to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    StepInstruction,
    BackInstruction,
    StepLine,
    BackLine,
    NextLine,
    BackNext,
    Finish,
    BackOut,
    Continue,
    ReverseContinue,
    RunToCursor,
    GoToStart,
    GoToEnd,
    /// Open the `:` prompt for a step number.
    GoToPrompt,
    /// A character typed into the `:` prompt.
    PromptChar(char),
    PromptBackspace,
    PromptSubmit,
    ToggleBreakpoint,
    /// `w`: watch the selected heap object (or stop watching it).
    ToggleWatch,
    /// `B`: the list of breakpoints and watches.
    ShowBreakpoints,
    MoveUp,
    MoveDown,
    FocusNext,
    FrameUp,
    FrameDown,
    ToggleAllObjects,
    /// `v`: the heap as a table or as a picture.
    ToggleHeapGraph,
    /// `o`: the output full-screen (any key closes it).
    OutputFull,
    /// `O`: hide or show the output pane.
    ToggleOutputPane,
    ShowReferrers,
    /// Write the current stop as a figure (Markdown with Mermaid, and SVG).
    ExportFigure,
    /// Close the help overlay, the referrers list or the prompt.
    Close,
    Help,
    Quit,
}
