namespace Course.Notebooks.Authoring;

/// <summary>The two kinds of marked region in an instructor source.</summary>
internal enum MarkerKind
{
    /// <summary><c>BEGIN SOLUTION</c> … <c>END SOLUTION</c>: replaced by a stub for students.</summary>
    Solution,

    /// <summary><c>BEGIN HIDDEN TESTS</c> … <c>END HIDDEN TESTS</c>: removed for students, run in grading.</summary>
    HiddenTests,
}
