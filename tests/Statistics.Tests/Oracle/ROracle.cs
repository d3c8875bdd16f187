using System.Globalization;
using System.Text;
using VoxDose.Tests.Shared;

namespace VoxDose.Statistics.Tests.Oracle;

/// <summary>
/// R as the reference: exports R's own data sets (lung, ovarian, veteran, aml) to CSV, writes the seeded cohorts
/// beside them, then runs ONE Rscript over every case of <see cref="Cases"/> (base R and the survival package,
/// reading the same CSV files the tests read) and keeps what it printed, one line per key:
/// <c>key TAB v1 v2 ...</c> with 17 significant digits, <c>NA</c> for missing.
/// </summary>
public sealed class ROracle : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("voxdose-r");
    private readonly Dictionary<string, double[]> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);

    public ROracle()
    {
        var export = Path.Combine(_dir, "export.R");
        File.WriteAllText(export, ExportScript);
        ExternalTool.Run("Rscript", "--vanilla", export, _dir).EnsureSuccess();
        foreach (var table in Cohorts.All()) table.Write(Path.Combine(_dir, table.Name + ".csv"));
        foreach (var file in System.IO.Directory.GetFiles(_dir, "*.csv"))
        {
            var table = Oracle.Table.Read(file);
            _tables[table.Name] = table;
        }

        var analysis = Path.Combine(_dir, "analysis.R");
        File.WriteAllText(analysis, AnalysisScript());
        var result = ExternalTool.Run("Rscript", "--vanilla", analysis, _dir).EnsureSuccess();
        foreach (var line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length != 2) continue;
            _values[parts[0]] = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();
        }
    }

    /// <summary>The CSV files R and the tests share.</summary>
    public string DataDirectory => _dir;

    internal Table Table(string name) => _tables[name];

    /// <summary>What R printed for a key (NaN for NA).</summary>
    public double[] R(string key) =>
        _values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"R printed nothing for '{key}'.");

    public double R1(string key) => R(key).Single();

    private static double Parse(string s) => s switch
    {
        "NA" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    public void Dispose()
    {
        try { System.IO.Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private const string ExportScript = """
        library(survival)
        dir <- commandArgs(TRUE)[1]
        w <- function(d, name) write.csv(d, file.path(dir, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
        cols <- c("time", "status", "age", "sex", "ph.ecog")
        l <- lung[complete.cases(lung[, cols]), cols]
        l$status <- l$status - 1
        w(l, "lung")
        w(data.frame(time = aml$time, status = aml$status, x = as.character(aml$x),
                     maintained = as.numeric(aml$x == "Maintained")), "aml")
        w(ovarian[, c("futime", "fustat", "age", "resid.ds", "rx", "ecog.ps")], "ovarian")
        w(data.frame(time = veteran$time, status = veteran$status, trt = veteran$trt, karno = veteran$karno,
                     age = veteran$age, diagtime = veteran$diagtime, prior = veteran$prior,
                     celltype = as.character(veteran$celltype)), "veteran")
        """;

    private static string Q(string s) => "\"" + s + "\"";

    private static string AnalysisScript()
    {
        var r = new StringBuilder("""
            library(survival)
            dir <- commandArgs(TRUE)[1]
            rd <- function(name) read.csv(file.path(dir, paste0(name, ".csv")), stringsAsFactors = FALSE, check.names = FALSE)
            out <- function(key, v) {
              v <- as.numeric(v)
              cat(key, "\t", paste(ifelse(is.na(v), "NA", sprintf("%.17g", v)), collapse = " "), "\n", sep = "")
            }
            km <- function(key, d, tcol, scol, type) {
              f <- survfit(Surv(d[[tcol]], d[[scol]]) ~ 1, conf.type = type)
              out(paste0(key, ".time"), f$time); out(paste0(key, ".nrisk"), f$n.risk)
              out(paste0(key, ".nevent"), f$n.event); out(paste0(key, ".ncensor"), f$n.censor)
              out(paste0(key, ".surv"), f$surv); out(paste0(key, ".stderr"), f$std.err)
              out(paste0(key, ".lower"), f$lower); out(paste0(key, ".upper"), f$upper)
              tb <- summary(f)$table
              out(paste0(key, ".median"), tb[c("median", "0.95LCL", "0.95UCL")])
            }
            lr <- function(key, d, tcol, scol, g, s) {
              d$G <- as.character(d[[g]])
              if (is.null(s)) sd <- survdiff(Surv(d[[tcol]], d[[scol]]) ~ G, data = d)
              else { d$ST <- as.character(d[[s]]); sd <- survdiff(Surv(d[[tcol]], d[[scol]]) ~ G + strata(ST), data = d) }
              o <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
              e <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
              lv <- levels(factor(d$G))
              for (i in seq_along(lv)) { out(paste0(key, ".obs.", lv[i]), o[i]); out(paste0(key, ".exp.", lv[i]), e[i]) }
              df <- sum(e > 0) - 1
              out(paste0(key, ".chisq"), sd$chisq); out(paste0(key, ".df"), df)
              out(paste0(key, ".p"), suppressWarnings(pchisq(sd$chisq, df, lower.tail = FALSE)))
            }
            cx <- function(key, d, tcol, scol, covs, ties) {
              warn <- 0
              fo <- as.formula(paste0("Surv(`", tcol, "`, `", scol, "`) ~ ", paste0("`", covs, "`", collapse = " + ")))
              fit <- withCallingHandlers(coxph(fo, data = d, ties = ties),
                                         warning = function(w) { warn <<- warn + 1; message(key, ": ", conditionMessage(w)); invokeRestart("muffleWarning") })
              out(paste0(key, ".warn"), warn)
              out(paste0(key, ".n"), c(fit$n, fit$nevent))
              out(paste0(key, ".coef"), coef(fit))
              if (warn > 0) return(invisible())
              s <- summary(fit)
              out(paste0(key, ".se"), sqrt(diag(fit$var)))
              out(paste0(key, ".z"), s$coefficients[, "z"])
              out(paste0(key, ".p"), s$coefficients[, "Pr(>|z|)"])
              out(paste0(key, ".lower95"), s$conf.int[, "lower .95"])
              out(paste0(key, ".upper95"), s$conf.int[, "upper .95"])
              out(paste0(key, ".loglik"), fit$loglik)
              df <- sum(!is.na(coef(fit)))
              tst <- function(x) c(x, df, pchisq(x, df, lower.tail = FALSE))
              out(paste0(key, ".lr"), tst(2 * diff(fit$loglik))); out(paste0(key, ".wald"), tst(fit$wald.test))
              out(paste0(key, ".score"), tst(fit$score))
              out(paste0(key, ".concordance"), fit$concordance["concordance"])
            }
            study <- function(key, d, tcol, scol, covs, ties) {
              pu <- sapply(covs, function(v) summary(coxph(as.formula(paste0("Surv(`", tcol, "`, `", scol, "`) ~ `", v, "`")),
                                                      data = d, ties = ties))$coefficients[1, "Pr(>|z|)"])
              out(paste0(key, ".univariate.p"), pu)
              sel <- covs[pu < 0.05]
              out(paste0(key, ".selected"), which(pu < 0.05))
              if (length(sel) > 0) {
                fit <- coxph(as.formula(paste0("Surv(`", tcol, "`, `", scol, "`) ~ ", paste0("`", sel, "`", collapse = " + "))),
                             data = d, ties = ties)
                out(paste0(key, ".coef"), coef(fit)); out(paste0(key, ".se"), sqrt(diag(fit$var)))
              }
            }
            collinear <- function(key, d) {
              d$dose2 <- 2 * d$dose + 1
              fit <- suppressWarnings(coxph(Surv(time, status) ~ dose + dose2 + age, data = d))
              out(paste0(key, ".coef"), coef(fit))
              out(paste0(key, ".se"), sqrt(diag(fit$var)))
            }
            mw <- function(key, d, v, g, xl) {
              x <- d[[v]][as.character(d[[g]]) == xl]; y <- d[[v]][as.character(d[[g]]) != xl]
              w <- suppressWarnings(wilcox.test(x, y))
              out(paste0(key, ".u"), w$statistic); out(paste0(key, ".p"), w$p.value)
              out(paste0(key, ".exact"), grepl("exact", w$method))
            }
            sp <- function(key, d, x, y) {
              ct <- suppressWarnings(cor.test(d[[x]], d[[y]], method = "spearman"))
              out(paste0(key, ".rho"), ct$estimate); out(paste0(key, ".s"), ct$statistic); out(paste0(key, ".p"), ct$p.value)
            }

            """);
        foreach (var c in Cases.KaplanMeier)
        {
            var d = c.WhereColumn is null ? $"rd({Q(c.Table)})" : $"subset(rd({Q(c.Table)}), as.character(`{c.WhereColumn}`) == {Q(c.WhereValue!)})";
            r.AppendLine($"km({Q(c.Key)}, {d}, {Q(c.Time)}, {Q(c.Status)}, {Q(c.ConfType)})");
        }
        foreach (var c in Cases.LogRank)
            r.AppendLine($"lr({Q(c.Key)}, rd({Q(c.Table)}), {Q(c.Time)}, {Q(c.Status)}, {Q(c.Group)}, {(c.Strata is null ? "NULL" : Q(c.Strata))})");
        foreach (var c in Cases.Cox.Concat(Cases.CoxInfinite))
            r.AppendLine($"cx({Q(c.Key)}, rd({Q(c.Table)}), {Q(c.Time)}, {Q(c.Status)}, c({string.Join(", ", c.Covariates.Select(Q))}), {Q(c.Ties)})");
        r.AppendLine("""study("study.veteran", rd("veteran"), "time", "status", c("trt", "karno", "age", "diagtime", "prior"), "efron")""");
        r.AppendLine("""study("study.lung", rd("lung"), "time", "status", c("age", "sex", "ph.ecog"), "breslow")""");
        r.AppendLine("""collinear("collinear.ties", rd("ties"))""");
        foreach (var c in Cases.MannWhitney)
            r.AppendLine($"mw({Q(c.Key)}, rd({Q(c.Table)}), {Q(c.Value)}, {Q(c.Group)}, {Q(c.XLevel)})");
        foreach (var c in Cases.Spearman)
            r.AppendLine($"sp({Q(c.Key)}, rd({Q(c.Table)}), {Q(c.X)}, {Q(c.Y)})");
        return r.ToString();
    }
}

[CollectionDefinition(Name)]
public sealed class RCollection : ICollectionFixture<ROracle>
{
    public const string Name = "R oracle";
}
