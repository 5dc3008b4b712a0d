# Not run here (no R arrow package on the project's machines): the report's survival curves from
# DIR/chains.arrow with the arrow package and the survival package's Kaplan-Meier fit.
#
#   install.packages(c("arrow", "survival"))
#   Rscript survival.R results/quickstart
library(arrow)
library(survival)
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
chains <- as.data.frame(read_feather(file.path(dir, "chains.arrow")))
chains <- chains[chains$status == "ok", ]
horizon <- max(as.data.frame(read_feather(file.path(dir, "summary.arrow")))$generation)
event <- !is.na(chains$collapse_generation)
time <- ifelse(event, chains$collapse_generation, horizon)
fit <- survfit(Surv(time, event) ~ cell_id, data = chains)
pdf(file.path(dir, "r-arrow-survival.pdf"), width = 8, height = 5)
plot(fit, col = seq_along(fit$strata), xlab = "generation", ylab = "fraction not collapsed")
invisible(dev.off())
print(summary(fit)$table)
