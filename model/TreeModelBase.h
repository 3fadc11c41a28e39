#pragma once

#include <QAbstractItemModel>
#include <QByteArray>
#include <QSet>

#include <algorithm>
#include <memory>
#include <vector>

namespace skein {

// One row of a tree model. The node itself is the QModelIndex's internal
// pointer; nodes live in unique_ptrs, so pointers stay valid while siblings
// are inserted, moved or removed.
template <typename Payload>
struct TreeNode {
    QByteArray key;        // identity across refreshes, unique among siblings
    Payload data;
    TreeNode *parent = nullptr;
    int row = 0;           // position among the parent's children
    bool fetched = false;  // lazily built children are present
    std::vector<std::unique_ptr<TreeNode>> children;

    void renumber(std::size_t from = 0)
    {
        for (std::size_t i = from; i < children.size(); ++i)
            children[i]->row = int(i);
    }
    // Appends a whole subtree at once, without row signals: for nodes not yet
    // shown or inside beginInsertRows/endInsertRows.
    TreeNode *adopt(std::unique_ptr<TreeNode> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

// Shared plumbing of the tree models: index/parent from nodes, and the merge
// that turns a refresh into row signals (remove, move, insert, dataChanged),
// so views keep selection, expansion and scroll position. Never a reset.
class TreeModelBase : public QAbstractItemModel
{
public:
    using QAbstractItemModel::QAbstractItemModel;

protected:
    // Marks a structural change in progress. Slots connected to the change
    // signals (QAbstractItemModelTester's checks, proxies) may call
    // fetchMore(); inserting rows from inside another change would nest
    // signals, so fetchMore() does nothing while one is in progress (views
    // fetch again from their own timers or on the next expand).
    class ChangeScope
    {
    public:
        explicit ChangeScope(TreeModelBase *model) : m_model(model) { ++m_model->m_changing; }
        ~ChangeScope() { --m_model->m_changing; }
        ChangeScope(const ChangeScope &) = delete;
        ChangeScope &operator=(const ChangeScope &) = delete;

    private:
        TreeModelBase *m_model;
    };
    bool isChanging() const { return m_changing > 0; }

    template <typename Node>
    QModelIndex indexOf(Node *node, int column = 0) const
    {
        if (!node || !node->parent)
            return {}; // the invisible root
        return createIndex(node->row, column, node);
    }

    template <typename Node>
    static Node *nodeOf(const QModelIndex &index, Node *root)
    {
        return index.isValid() ? static_cast<Node *>(index.internalPointer()) : root;
    }

    template <typename Node>
    QModelIndex childIndex(Node *parent, int row, int column) const
    {
        if (!parent || row < 0 || column < 0 || column >= columnCount()
            || std::size_t(row) >= parent->children.size())
            return {};
        return createIndex(row, column, parent->children[std::size_t(row)].get());
    }

    template <typename Node>
    QModelIndex parentIndex(const QModelIndex &child) const
    {
        if (!child.isValid())
            return {};
        return indexOf(static_cast<Node *>(child.internalPointer())->parent);
    }

    // Makes parent's children equal to `target` (keys decide identity).
    // `same(a, b)` tells whether a row's data is unchanged; with `recurse`,
    // the target's grandchildren are merged the same way, otherwise existing
    // children of kept rows stay untouched.
    template <typename Node, typename Same>
    void mergeChildren(Node *parent, std::vector<std::unique_ptr<Node>> target, const Same &same,
                       bool recurse)
    {
        dropDuplicateKeys(target);
        removeMissing(parent, target);
        for (std::size_t i = 0; i < target.size(); ++i) {
            std::unique_ptr<Node> &fresh = target[i];
            auto grandchildren = std::move(fresh->children);
            Node *kept = placeAt(parent, i, fresh);
            if (kept && !same(kept->data, fresh->data)) {
                kept->data = std::move(fresh->data);
                Q_EMIT dataChanged(indexOf(kept), indexOf(kept, columnCount() - 1));
            }
            Node *node = parent->children[i].get();
            if (recurse)
                mergeChildren(node, std::move(grandchildren), same, true);
        }
    }

    // Removes rows [first, last] of parent with the signals around it.
    template <typename Node>
    void removeRows(Node *parent, int first, int last)
    {
        beginRemoveRows(indexOf(parent), first, last);
        parent->children.erase(parent->children.begin() + first,
                               parent->children.begin() + last + 1);
        parent->renumber(std::size_t(first));
        endRemoveRows();
    }

private:
    int m_changing = 0;

    template <typename Node>
    static void dropDuplicateKeys(std::vector<std::unique_ptr<Node>> &target)
    {
        QSet<QByteArray> seen;
        std::erase_if(target, [&seen](const auto &node) {
            if (seen.contains(node->key))
                return true;
            seen.insert(node->key);
            return false;
        });
    }

    // Removes, in contiguous runs from the end, the children not in target.
    template <typename Node>
    void removeMissing(Node *parent, const std::vector<std::unique_ptr<Node>> &target)
    {
        QSet<QByteArray> wanted;
        for (const auto &node : target)
            wanted.insert(node->key);
        for (int i = int(parent->children.size()) - 1; i >= 0; --i) {
            if (wanted.contains(parent->children[std::size_t(i)]->key))
                continue;
            const int last = i;
            while (i > 0 && !wanted.contains(parent->children[std::size_t(i - 1)]->key))
                --i;
            removeRows(parent, i, last);
        }
    }

    // Ensures the child at `row` has fresh's key: kept in place, moved up
    // from further down (a conversation with a new message jumps to the
    // top), or inserted. Returns the kept node, or nullptr when inserted.
    template <typename Node>
    Node *placeAt(Node *parent, std::size_t row, std::unique_ptr<Node> &fresh)
    {
        auto &children = parent->children;
        if (row < children.size() && children[row]->key == fresh->key)
            return children[row].get();
        const auto found = std::find_if(children.begin() + std::ptrdiff_t(std::min(row, children.size())),
                                        children.end(),
                                        [&fresh](const auto &n) { return n->key == fresh->key; });
        const QModelIndex p = indexOf(parent);
        if (found != children.end()) {
            const int from = int(found - children.begin());
            beginMoveRows(p, from, from, p, int(row));
            std::rotate(children.begin() + std::ptrdiff_t(row), found, found + 1);
            parent->renumber(row);
            endMoveRows();
            return children[row].get();
        }
        beginInsertRows(p, int(row), int(row));
        fresh->parent = parent;
        children.insert(children.begin() + std::ptrdiff_t(row), std::move(fresh));
        parent->renumber(row);
        endInsertRows();
        return nullptr;
    }
};

} // namespace skein
