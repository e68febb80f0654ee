using System.Text.Json;
using Course.Withhold.Cli;

namespace Course.Withhold.Policy;

/// <summary>
/// Reads a policy file (see <c>autograder/withheld.json</c> for the format). Strict on purpose: an unknown
/// property or a misspelt list would silently keep an answer in the edition, so every error names the file
/// and the place in it.
/// </summary>
/// <remarks>
/// The format: <c>{ "assemblies": [ { "name", "exercise"?, "gradingTypesFrom"?, "withheld"?, "forwarded"?,
/// "keepOnly"? } ] }</c>, where each list holds entries <c>{ "type": name }</c> or <c>{ "member": name }</c>,
/// with an optional <c>"exercise"</c>. Properties whose names start with <c>$</c> are comments; so are
/// <c>//</c> comments.
/// </remarks>
public static class PolicyReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks the policy in <paramref name="path"/>.</summary>
    /// <param name="path">The policy file.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="WithholdException">The file is missing, is not JSON, or does not follow the format (<see cref="ExitCode.PolicyInvalid"/>).</exception>
    public static WithheldPolicy Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new WithholdException(ExitCode.PolicyInvalid, $"Cannot read the policy file '{path}': {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses policy text.</summary>
    /// <param name="json">The policy's text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="WithholdException">The text is not JSON or does not follow the format.</exception>
    public static WithheldPolicy Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw Invalid(source, "", $"is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            RequireKind(root, JsonValueKind.Object, source, "(the document)");
            RequireOnly(root, source, "", "assemblies");
            if (!root.TryGetProperty("assemblies", out var assemblies))
            {
                throw Invalid(source, "", "has no \"assemblies\" list");
            }

            RequireKind(assemblies, JsonValueKind.Array, source, "assemblies");
            var read = assemblies.EnumerateArray().Select((a, i) => ReadAssembly(a, source, $"assemblies[{i}]")).ToArray();
            var duplicate = read.GroupBy(a => a.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw Invalid(source, "assemblies", $"names assembly '{duplicate.Key}' more than once");
            }

            return new WithheldPolicy(source, read);
        }
    }

    private static AssemblyPolicy ReadAssembly(JsonElement element, string source, string where)
    {
        RequireKind(element, JsonValueKind.Object, source, where);
        RequireOnly(element, source, where, "name", "exercise", "gradingTypesFrom", "withheld", "forwarded", "keepOnly");
        string name = RequiredString(element, "name", source, where);
        string? exercise = OptionalString(element, "exercise", source, where);
        string grading = OptionalString(element, "gradingTypesFrom", source, where) ?? name;
        var withheld = Entries(element, "withheld", source, where) ?? [];
        var forwarded = Entries(element, "forwarded", source, where) ?? [];
        var keepOnly = Entries(element, "keepOnly", source, where);
        if (forwarded.FirstOrDefault(e => e.IsType) is { } forwardedType)
        {
            throw Invalid(source, $"{where}.forwarded", $"names {forwardedType}, but only members can be forwarded");
        }

        return new AssemblyPolicy(name, exercise, withheld, forwarded, keepOnly, grading);
    }

    private static PolicyEntry[]? Entries(JsonElement assembly, string list, string source, string where)
    {
        if (!assembly.TryGetProperty(list, out var entries))
        {
            return null;
        }

        RequireKind(entries, JsonValueKind.Array, source, $"{where}.{list}");
        return entries.EnumerateArray().Select((e, i) => Entry(e, source, $"{where}.{list}[{i}]")).ToArray();
    }

    private static PolicyEntry Entry(JsonElement element, string source, string where)
    {
        RequireKind(element, JsonValueKind.Object, source, where);
        RequireOnly(element, source, where, "type", "member", "exercise");
        string? type = OptionalString(element, "type", source, where);
        string? member = OptionalString(element, "member", source, where);
        if ((type is null) == (member is null))
        {
            throw Invalid(source, where, "needs exactly one of \"type\" and \"member\"");
        }

        string name = type ?? member!;
        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            throw Invalid(source, where, $"names '{name}', which is not a type or member name");
        }

        return new PolicyEntry(name, type is not null, OptionalString(element, "exercise", source, where));
    }

    private static string RequiredString(JsonElement element, string property, string source, string where) =>
        OptionalString(element, property, source, where) is { Length: > 0 } value
            ? value
            : throw Invalid(source, where, $"needs a non-empty \"{property}\"");

    private static string? OptionalString(JsonElement element, string property, string source, string where)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireKind(value, JsonValueKind.String, source, $"{where}.{property}");
        return value.GetString();
    }

    private static void RequireOnly(JsonElement element, string source, string where, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!property.Name.StartsWith('$') && !allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Invalid(source, where, $"has an unknown property \"{property.Name}\" (expected {string.Join(", ", allowed.Select(a => $"\"{a}\""))})");
            }
        }
    }

    private static void RequireKind(JsonElement element, JsonValueKind kind, string source, string where)
    {
        if (element.ValueKind != kind)
        {
            throw Invalid(source, where, $"is {Article(element.ValueKind)} where {Article(kind)} was expected");
        }
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static WithholdException Invalid(string source, string where, string problem) =>
        new(ExitCode.PolicyInvalid, where.Length == 0 ? $"Policy '{source}' {problem}." : $"Policy '{source}': {where} {problem}.");
}
