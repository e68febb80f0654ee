namespace Course.Notebooks.Validation;

/// <summary>
/// One thing a notebook must satisfy before students see it, as a small named step (like the release pipeline's
/// steps): each rule looks at the notebook and its runs and says what is wrong.
/// </summary>
public interface IValidationRule
{
    /// <summary>The rule's name, for reports and tests.</summary>
    string Name { get; }

    /// <summary>Whether the rule applies to notebooks of this role.</summary>
    /// <param name="role">Source or student.</param>
    /// <returns>True when it does.</returns>
    bool AppliesTo(NotebookRole role);

    /// <summary>What is wrong with the subject (nothing when it satisfies the rule).</summary>
    /// <param name="subject">The notebook and its runs.</param>
    /// <returns>The findings.</returns>
    IEnumerable<ValidationFinding> Check(ValidationSubject subject);
}
