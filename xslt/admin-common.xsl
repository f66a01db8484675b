<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-common.xsl: names of statuses, types and roles in the admin area. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">

  <xsl:template match="@status | @bank-status">
    <xsl:choose>
      <xsl:when test=". = 'draft'">草稿</xsl:when>
      <xsl:when test=". = 'published'">已发布·使用中</xsl:when>
      <xsl:otherwise>已停用</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="type-name">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="$t = 'multi'">多选</xsl:when>
      <xsl:when test="$t = 'truefalse'">判断</xsl:when>
      <xsl:otherwise>单选</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="role-names">
    <xsl:param name="roles"/>
    <xsl:if test="contains($roles, 'responsible')">责任人 </xsl:if>
    <xsl:if test="contains($roles, 'employee')">员工 </xsl:if>
    <xsl:if test="contains($roles, 'landlord')">房东 </xsl:if>
    <xsl:if test="contains($roles, 'student')">学生 </xsl:if>
    <xsl:if test="contains($roles, 'citizen')">市民</xsl:if>
  </xsl:template>

  <!-- Open a draft, or publish the open one. -->
  <xsl:template name="draft-actions">
    <xsl:choose>
      <xsl:when test="/page/banks/bank[@status = 'draft']">
        <form method="post" action="/admin/banks/publish" class="form">
          <xsl:call-template name="csrf"/>
          <p class="note"><l:m>草稿版本第 <xsl:value-of select="/page/banks/bank[@status = 'draft'][1]/@version"/> 版正在编辑。</l:m>发布后新的答题将使用它；已完成的答题不受影响。</p>
          <label class="check">
            <input type="checkbox" name="confirm" value="yes" required="required"/>
            <span>我已核对草稿：发布后它将整体替换正在使用的题库</span>
          </label>
          <button type="submit" class="button">发布草稿为新版本</button>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <form method="post" action="/admin/banks/draft" class="form">
          <xsl:call-template name="csrf"/>
          <p class="note">已发布的版本不能直接修改。新建草稿会复制当前发布版本，修改后再发布。</p>
          <button type="submit" class="button secondary">新建草稿版本</button>
        </form>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
