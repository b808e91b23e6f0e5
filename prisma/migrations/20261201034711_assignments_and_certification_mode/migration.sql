-- CreateEnum
CREATE TYPE "PlayMode" AS ENUM ('TRAINING', 'CERTIFICATION');

-- CreateEnum
CREATE TYPE "AssignmentPick" AS ENUM ('LEVEL', 'CATEGORY', 'RANDOM');

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "playMode" "PlayMode" NOT NULL DEFAULT 'TRAINING';

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "category" TEXT,
ADD COLUMN     "pick" "AssignmentPick" NOT NULL DEFAULT 'LEVEL',
ADD COLUMN     "playMode" "PlayMode" NOT NULL DEFAULT 'TRAINING';

-- CreateIndex
CREATE INDEX "Assignment_assignedById_idx" ON "Assignment"("assignedById");

