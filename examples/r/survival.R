# The report's survival curves (figures/survival.vl.json): per cell the Kaplan-Meier estimate of
# the fraction of chains not yet collapsed at generation t, chains that never collapsed censored at
# the horizon G, from DIR/chains.csv and DIR/summary.csv with base R (no packages).
#
#   Rscript survival.R results/quickstart > survival.csv
#
# The sweep must write CSV copies (output.formats: [arrow, parquet, csv]). Prints CSV (cell_id,
# generation, survival) and draws DIR/examples/r-survival.pdf.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript survival.R DIR")
dir <- args[1]
chains <- read.csv(file.path(dir, "chains.csv"), stringsAsFactors = FALSE)
chains <- chains[chains$status == "ok", ]
horizon <- max(read.csv(file.path(dir, "summary.csv"))$generation)

# S(t) = product over collapse times t_i <= t of (1 - d_i / n_i).
km <- function(time, event, at) {
  s <- 1
  out <- numeric(length(at))
  times <- sort(unique(time[event]))
  for (k in seq_along(at)) {
    s <- 1
    for (ti in times[times <= at[k]]) {
      s <- s * (1 - sum(time == ti & event) / sum(time >= ti))
    }
    out[k] <- s
  }
  out
}

generations <- 0:horizon
curves <- list()
for (cell in unique(chains$cell_id)) {
  rows <- chains[chains$cell_id == cell, ]
  event <- !is.na(rows$collapse_generation)
  time <- ifelse(event, rows$collapse_generation, horizon)
  curves[[cell]] <- data.frame(cell_id = cell, generation = generations,
                               survival = km(time, event, generations))
}
result <- do.call(rbind, curves)
write.csv(result, stdout(), row.names = FALSE, quote = FALSE)

dir.create(file.path(dir, "examples"), showWarnings = FALSE)
pdf(file.path(dir, "examples", "r-survival.pdf"), width = 8, height = 5)
plot(NULL, xlim = c(0, horizon), ylim = c(0, 1), xlab = "generation",
     ylab = "fraction not collapsed", main = "Chains not yet collapsed")
colours <- seq_along(curves)
for (i in seq_along(curves)) {
  lines(curves[[i]]$generation, curves[[i]]$survival, type = "s", col = colours[i])
}
legend("bottomleft", legend = names(curves), col = colours, lty = 1, cex = 0.7)
invisible(dev.off())
