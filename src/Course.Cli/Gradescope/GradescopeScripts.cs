namespace Course.Cli.Gradescope;

/// <summary>
/// The two scripts Gradescope's autograder specification asks for at the package's root: <c>setup.sh</c>, run once as
/// root when Gradescope builds the image (Ubuntu 22.04), and <c>run_autograder</c>, which Gradescope copies to
/// <c>/autograder/run_autograder</c> and runs for each submission with <c>/autograder</c> as its working folder.
/// </summary>
internal static class GradescopeScripts
{
    /// <summary>The variable that moves <c>/autograder</c> elsewhere (the round-trip test points it at a temporary folder).</summary>
    public const string RootVariable = "AUTOGRADER_ROOT";

    /// <summary>
    /// Installs what grading needs and nothing is built: the .NET 10 runtime (the package holds a framework-dependent
    /// build), bubblewrap (the sandbox, used when the container lets it create namespaces), ICU (.NET's globalization)
    /// and util-linux (prlimit, the CPU-time cap; setpriv, to switch to the runner account). Then it creates the runner
    /// account and makes everything of the package but the runner root's alone, which is what holds when bubblewrap
    /// cannot run in the container (docs/GRADESCOPE.md).
    /// </summary>
    public const string SetupScript = """
        #!/usr/bin/env bash
        # Gradescope runs this once, as root, while it builds the autograder's image (Ubuntu 22.04).
        # The package holds a built grader (course gradescope build): nothing is compiled here or at grading time.
        set -euo pipefail
        export DEBIAN_FRONTEND=noninteractive

        # bubblewrap: the sandbox each submission's code runs in, where the container lets it create namespaces;
        # libicu70: .NET's globalization on Ubuntu 22.04; util-linux: prlimit (the CPU-time cap); curl: the .NET installer.
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends bubblewrap ca-certificates curl libicu70 util-linux

        # The .NET 10 runtime (not the SDK), from Microsoft's install script, into /usr/share/dotnet.
        curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
        bash /tmp/dotnet-install.sh --channel 10.0 --runtime dotnet --install-dir /usr/share/dotnet
        ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
        rm -f /tmp/dotnet-install.sh
        dotnet --list-runtimes | grep -q '^Microsoft.NETCore.App 10\.'

        # Where bubblewrap cannot run in the container, each submission's code runs as this unprivileged account
        # (course grade --runner-user), which may read the runner and its withheld editions and nothing else of ours:
        # the full grader (the reference answers), the instructor's notebooks and the settings are root's alone.
        id -u course-runner >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin course-runner
        source_dir=/autograder/source
        chown -R root:root "$source_dir"
        chmod -R go-rwx "$source_dir"
        chmod go+x /autograder "$source_dir" "$source_dir/grader"
        chmod -R go+rX "$source_dir/grader/runner"
        chmod u+x "$source_dir/run_autograder"

        # A smoke test of the grader itself: it starts and knows its commands.
        dotnet "$source_dir/grader/course.dll" gradescope run --help >/dev/null
        """;

    /// <summary>
    /// Grades <c>/autograder/submission</c> as <c>course grade</c> grades one folder and writes
    /// <c>/autograder/results/results.json</c> (<c>course gradescope run</c>); if the grader cannot even start, it
    /// still writes a results.json that says so, since Gradescope shows nothing useful without one.
    /// </summary>
    public const string RunScript = """
        #!/usr/bin/env bash
        # Gradescope runs this for every submission, as root, in /autograder (it copies it to /autograder/run_autograder).
        # AUTOGRADER_ROOT moves /autograder elsewhere, for a test of the package away from Gradescope.
        set -uo pipefail
        root="${AUTOGRADER_ROOT:-/autograder}"
        results="$root/results/results.json"

        dotnet "$root/source/grader/course.dll" gradescope run --root "$root"
        status=$?

        if [ ! -s "$results" ]; then
          mkdir -p "$root/results"
          printf '{"score": 0, "output": "The autograder failed before it could grade this submission (exit code %s). Your instructor can see why in the autograder output.", "tests": []}\n' "$status" > "$results"
        fi
        exit "$status"
        """;
}
