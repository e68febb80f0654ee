namespace Course.Notebooks.Validation;

/// <summary>A kernel that notebooks are validated in.</summary>
public enum ValidationKernel
{
    /// <summary>The kit's own engine (<c>NotebookSession</c>), as <c>course run</c>, the kit's Jupyter kernel and grading use it.</summary>
    Kit,

    /// <summary>The real .NET Interactive kernel, as students run the notebooks in VS Code and Jupyter.</summary>
    DotNetInteractive,
}
