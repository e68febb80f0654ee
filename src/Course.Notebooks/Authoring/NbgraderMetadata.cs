using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// A cell's <c>metadata.nbgrader</c>, read leniently (a flag that is not JSON <c>true</c> counts as false);
/// <see cref="CheckCellMetadata"/> is what rejects malformed metadata. The field names and meanings are
/// nbgrader's (schema version 3), so instructors' tools recognise the kit's notebooks.
/// </summary>
public sealed record NbgraderMetadata
{
    /// <summary>The cell metadata key nbgrader owns.</summary>
    public const string Key = "nbgrader";

    /// <summary>The nbgrader metadata schema version the kit writes and accepts.</summary>
    public const int CurrentSchemaVersion = 3;

    /// <summary>
    /// The keys nbgrader allows under <c>metadata.nbgrader</c>; nbgrader rejects any other, so kit-specific data
    /// goes under its own cell metadata key (<c>metadata.course</c>).
    /// </summary>
    public static IReadOnlyList<string> AllowedKeys { get; } =
        ["cell_type", "checksum", "grade", "grade_id", "locked", "points", "schema_version", "solution", "task"];

    /// <summary>The cell's unique name (letters, digits, <c>_</c> and <c>-</c>); required for solution, grade and task cells.</summary>
    public string? GradeId { get; init; }

    /// <summary>The points a grade cell is worth.</summary>
    public double? Points { get; init; }

    /// <summary>Whether students write their answer in this cell (autograded or manually graded answer).</summary>
    public bool Solution { get; init; }

    /// <summary>Whether the cell is graded (autograder tests, or a manually graded answer when also a solution).</summary>
    public bool Grade { get; init; }

    /// <summary>The <c>locked</c> flag as written; see <see cref="IsLocked"/> for what nbgrader makes of it.</summary>
    public bool Locked { get; init; }

    /// <summary>Whether the cell is a manually graded task.</summary>
    public bool Task { get; init; }

    /// <summary>The stored checksum (see <see cref="CellChecksum"/>), or null.</summary>
    public string? Checksum { get; init; }

    /// <summary>
    /// Whether the cell is read-only for students and restored before grading, by nbgrader's rule: never a solution
    /// cell, always a grade (tests) cell, otherwise the <c>locked</c> flag.
    /// </summary>
    public bool IsLocked => !Solution && (Grade || Locked);

    /// <summary>Whether nbgrader gives the cell a checksum: a grade, solution or locked cell.</summary>
    public bool HasChecksum => Grade || Solution || IsLocked;

    /// <summary>Reads a cell's nbgrader metadata.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The metadata, or null when the cell has no <c>metadata.nbgrader</c> object.</returns>
    public static NbgraderMetadata? Read(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        // Read without Cell.Metadata, which would add an empty metadata object to a cell that has none.
        if (JsonProperties.GetObject(cell.Json, "metadata")?[Key] is not JsonObject nbgrader)
        {
            return null;
        }

        return new NbgraderMetadata
        {
            GradeId = nbgrader["grade_id"] is JsonValue id && id.TryGetValue(out string? gradeId) ? gradeId : null,
            Points = NumberOf(nbgrader["points"]),
            Solution = IsTrue(nbgrader["solution"]),
            Grade = IsTrue(nbgrader["grade"]),
            Locked = IsTrue(nbgrader["locked"]),
            Task = IsTrue(nbgrader["task"]),
            Checksum = nbgrader["checksum"] is JsonValue sum && sum.TryGetValue(out string? checksum) ? checksum : null,
        };
    }

    /// <summary>
    /// What is wrong with the types in a cell's <c>metadata.nbgrader</c>, or null when nothing is: it must be an
    /// object; <c>grade_id</c>, <c>checksum</c> and <c>cell_type</c> strings; the flags booleans; <c>points</c> and
    /// <c>schema_version</c> numbers. <see cref="Read"/> takes a mistyped field as absent; a grader that must not
    /// guess what a submitted cell is refuses the notebook instead.
    /// </summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The problem, naming the field and the type it has, or null.</returns>
    public static string? TypeProblem(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (JsonProperties.GetObject(cell.Json, "metadata") is not JsonObject metadata || !metadata.TryGetPropertyValue(Key, out JsonNode? node))
        {
            return null;
        }

        if (node is not JsonObject nbgrader)
        {
            return $"metadata.nbgrader must be an object, not {KindOf(node)}";
        }

        foreach (var (field, expected) in FieldKinds)
        {
            if (nbgrader.TryGetPropertyValue(field, out JsonNode? value) && !expected.Contains(value?.GetValueKind() ?? JsonValueKind.Null))
            {
                return $"metadata.nbgrader.{field} must be {KindOf(expected[0])}, not {KindOf(value)}";
            }
        }

        return null;
    }

    private static readonly (string Field, JsonValueKind[] Kinds)[] FieldKinds =
    [
        ("grade_id", [JsonValueKind.String]), ("checksum", [JsonValueKind.String]), ("cell_type", [JsonValueKind.String]),
        ("solution", [JsonValueKind.True, JsonValueKind.False]), ("grade", [JsonValueKind.True, JsonValueKind.False]),
        ("locked", [JsonValueKind.True, JsonValueKind.False]), ("task", [JsonValueKind.True, JsonValueKind.False]),
        ("points", [JsonValueKind.Number]), ("schema_version", [JsonValueKind.Number]),
    ];

    private static string KindOf(JsonNode? node) => KindOf(node?.GetValueKind() ?? JsonValueKind.Null);

    private static string KindOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool flag) && flag;

    /// <summary>
    /// A JSON number as a double. Parsed JSON converts freely, but a value built in code (<c>["points"] = 15</c>)
    /// only converts to its own type, so each numeric type is tried.
    /// </summary>
    internal static double? NumberOf(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue(out double d))
        {
            return d;
        }

        if (value.TryGetValue(out int i))
        {
            return i;
        }

        if (value.TryGetValue(out long l))
        {
            return l;
        }

        if (value.TryGetValue(out float f))
        {
            return f;
        }

        return value.TryGetValue(out decimal m) ? (double)m : null;
    }
}
