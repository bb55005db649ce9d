public enum GoalBridgeModelPlaceholder {}
