namespace Course.Notebooks.Validation;

/// <summary>Which side of a release a notebook is on.</summary>
public enum NotebookRole
{
    /// <summary>An instructor's source: solutions and hidden tests in place; every check must pass.</summary>
    Source,

    /// <summary>A released student notebook: stubs in place; every check must say "not implemented".</summary>
    Student,
}
