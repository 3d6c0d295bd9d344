# How often the primary model and analysis.R's shared_trial model reject a true null for the
# scent contrast when the answers to one trial of a group share an effect (docs/exports-and-
# statistics.md, "Shared trials"). ESPOIR's layout: 2 groups of 10 (the two populations),
# 13 sessions of 6 trials, conditions cycled; participant SD 1, shared-trial SD as given,
# residual SD 2, no condition effect. Needs lme4 and lmerTest (scripts/install-deps).
#
#   Rscript scripts/shared-trial-simulation.R [replicates=150] [shared_trial_sd=1] [seed=1]
suppressMessages({library(lme4); library(lmerTest)})
args <- as.numeric(commandArgs(trailingOnly = TRUE))
replicates <- if (length(args) >= 1) args[1] else 150
shared_sd <- if (length(args) >= 2) args[2] else 1
set.seed(if (length(args) >= 3) args[3] else 1)
conditions <- c("image", "image_game", "image_scent")

simulate <- function() {
  grid <- expand.grid(participant = 1:10, trial = 1:6, session = 1:13, group = 1:2)
  grid$condition <- factor(conditions[(grid$trial - 1 + grid$session + grid$group) %% 3 + 1], levels = conditions)
  grid$memory <- factor(ifelse(grid$group == 2, "with", "without"), levels = c("without", "with"))
  grid$participant <- paste(grid$group, grid$participant)
  grid$occasion <- paste(grid$group, grid$session, grid$trial)
  grid$session_number <- grid$session
  person <- rnorm(20, 0, 1); names(person) <- unique(grid$participant)
  shared <- rnorm(length(unique(grid$occasion)), 0, shared_sd); names(shared) <- unique(grid$occasion)
  grid$y <- person[grid$participant] + shared[grid$occasion] + rnorm(nrow(grid), 0, 2)
  grid
}

scent_p <- function(formula, d) {
  fit <- suppressMessages(suppressWarnings(lmer(formula, data = d, REML = TRUE)))
  L <- setNames(rep(0, length(fixef(fit))), names(fixef(fit)))
  L["conditionimage_scent"] <- 1
  L["conditionimage_scent:memorywith"] <- 0.5
  contest(fit, matrix(L, 1), joint = FALSE)[["Pr(>|t|)"]]
}

rejections <- c(primary = 0, shared_trial = 0)
for (i in seq_len(replicates)) {
  d <- simulate()
  rejections["primary"] <- rejections["primary"] +
    (scent_p(y ~ condition * memory + session_number + (1 | participant), d) < 0.05)
  rejections["shared_trial"] <- rejections["shared_trial"] +
    (scent_p(y ~ condition * memory + session_number + (1 | participant) + (1 | occasion), d) < 0.05)
}
cat(sprintf("shared-trial SD %g, %d replicates: scent contrast rejected at 5 %%: primary %.1f %%, shared_trial %.1f %%\n",
            shared_sd, replicates, 100 * rejections["primary"] / replicates,
            100 * rejections["shared_trial"] / replicates))
