using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Refuses nbgrader metadata that nbgrader itself would reject or that would make a release unsafe: keys nbgrader
/// does not allow, a schema version other than 3, flags that are not booleans, a missing or malformed grade_id,
/// duplicate grade_ids, grade cells without points, locked solution cells, locked cells that could not be
/// matched when restoring them. It changes nothing, so it runs first.
/// </summary>
public sealed partial class CheckCellMetadata : IReleaseStep
{
    /// <inheritdoc />
    public string Name => nameof(CheckCellMetadata);

    /// <inheritdoc />
    /// <returns>The number of cells with nbgrader metadata.</returns>
    public int Apply(Notebook notebook, ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(context);
        var firstUse = new Dictionary<string, int>(StringComparer.Ordinal);
        int checkedCells = 0;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            Cell cell = notebook.Cells[i];
            if (JsonProperties.GetObject(cell.Json, "metadata") is not JsonObject metadata
                || !metadata.TryGetPropertyValue(NbgraderMetadata.Key, out JsonNode? node))
            {
                continue;
            }

            if (node is not JsonObject nbgrader)
            {
                throw context.CellError(i, cell, "metadata.nbgrader must be a JSON object");
            }

            CheckOne(nbgrader, cell, i, context);
            checkedCells++;
            if (NbgraderMetadata.Read(cell)?.GradeId is string gradeId)
            {
                if (firstUse.TryGetValue(gradeId, out int first))
                {
                    throw context.CellError(i, cell, $"grade_id '{gradeId}' is also used by cell {first + 1}; every grade_id must be unique in the notebook");
                }

                firstUse[gradeId] = i;
            }
        }

        return checkedCells;
    }

    private static void CheckOne(JsonObject nbgrader, Cell cell, int index, ReleaseContext context)
    {
        foreach ((string key, _) in nbgrader)
        {
            if (!NbgraderMetadata.AllowedKeys.Contains(key, StringComparer.Ordinal))
            {
                throw context.CellError(index, cell,
                    $"metadata.nbgrader has the key '{key}', which nbgrader does not allow (allowed: {string.Join(", ", NbgraderMetadata.AllowedKeys)}); put kit-specific data under metadata.course");
            }
        }

        foreach (string flag in new[] { "solution", "grade", "locked", "task" })
        {
            if (nbgrader[flag] is { } value && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw context.CellError(index, cell, $"metadata.nbgrader.{flag} must be true or false, not {value.ToJsonString()}");
            }
        }

        if (nbgrader["schema_version"] is not JsonValue schema || NbgraderMetadata.NumberOf(schema) != NbgraderMetadata.CurrentSchemaVersion)
        {
            throw context.CellError(index, cell,
                $"metadata.nbgrader.schema_version must be {NbgraderMetadata.CurrentSchemaVersion} (nbgrader's current schema), not {nbgrader["schema_version"]?.ToJsonString() ?? "missing"}");
        }

        NbgraderMetadata metadata = NbgraderMetadata.Read(cell)!;
        if (nbgrader["grade_id"] is { } idNode && (metadata.GradeId is not string id || !GradeIdPattern().IsMatch(id)))
        {
            throw context.CellError(index, cell, $"metadata.nbgrader.grade_id must be letters, digits, '_' and '-' only, not {idNode.ToJsonString()}");
        }

        if ((metadata.Solution || metadata.Grade || metadata.Task) && metadata.GradeId is null)
        {
            throw context.CellError(index, cell, "a solution, grade or task cell needs metadata.nbgrader.grade_id (nbgrader matches cells by it)");
        }

        if (metadata.IsLocked && metadata.GradeId is null && cell.Id is null)
        {
            throw context.CellError(index, cell, "a locked cell needs a grade_id or a cell id, or it cannot be restored before grading");
        }

        if (metadata.Solution && metadata.Locked)
        {
            throw context.CellError(index, cell, "a solution cell cannot be locked: students write their answer in it");
        }

        if (nbgrader["points"] is { } pointsNode && (metadata.Points is not double points || points < 0 || !double.IsFinite(points)))
        {
            throw context.CellError(index, cell, $"metadata.nbgrader.points must be a number of 0 or more, not {pointsNode.ToJsonString()}");
        }

        if (metadata.Grade && metadata.Points is null)
        {
            throw context.CellError(index, cell, "a grade cell needs metadata.nbgrader.points");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex GradeIdPattern();
}
